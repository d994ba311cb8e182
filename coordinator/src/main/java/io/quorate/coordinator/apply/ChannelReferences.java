package io.quorate.coordinator.apply;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Monitors in the file name their channels ({@code channels: [ops-slack]}); the API wants ids. A name is a
 * channel of the file or, without {@code --prune} (which would delete it), one already on the coordinator.
 */
final class ChannelReferences {
  /** Stands for a channel the file creates, while its monitors are checked before anything is written. */
  static String notYetCreated(String name) {
    return UUID.nameUUIDFromBytes(("channel to create: " + name).getBytes(StandardCharsets.UTF_8)).toString();
  }
  private final Map<String, String> ids = new HashMap<>();
  private final Map<String, String> ambiguous = new HashMap<>();

  /** A channel that exists (or will) under this name. */
  void add(String name, String id) {
    ids.put(name, id);
  }

  /** Several channels on the coordinator have this name: a reference to it cannot be resolved. */
  void addAmbiguous(String name, int count) {
    ambiguous.put(name, count + " channels on the coordinator are named \"" + name + "\"; rename all but one");
  }

  /** The monitor's body with channel names replaced by ids; a {@link ValidationException} names a bad one. */
  JsonObject resolve(JsonObject monitor) {
    JsonObject body = monitor.copy();
    if (body.getValue("channels") instanceof JsonArray channels) {
      body.put("channels", resolve(channels, "channels"));
    }
    if (body.getValue("escalation") instanceof JsonObject escalation
        && escalation.getValue("channels") instanceof JsonArray channels) {
      body.put("escalation", escalation.copy().put("channels", resolve(channels, "escalation.channels")));
    }
    return body;
  }

  private JsonArray resolve(JsonArray names, String field) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < names.size(); i++) {
      String name = String.valueOf(names.getValue(i));
      if (ambiguous.containsKey(name)) {
        throw new ValidationException(field + "[" + i + "]", ambiguous.get(name));
      }
      String id = ids.containsValue(name) ? name : ids.get(name); // a channel id is accepted as it is
      if (id == null) {
        throw new ValidationException(field + "[" + i + "]", "no channel named \"" + name + "\" in the file"
            + " or on the coordinator");
      }
      out.add(id);
    }
    return out;
  }
}
