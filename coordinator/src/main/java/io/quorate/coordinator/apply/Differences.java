package io.quorate.coordinator.apply;

import io.quorate.coordinator.monitor.MonitorRequests;
import io.quorate.coordinator.notify.ChannelJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What would change if a file item were written over the object the coordinator shows, as plan phrases
 * ({@code interval 30s -> 1m}). Secrets are write-only in the API, so they are compared as far as it shows
 * them: a channel secret of 24 characters or more by its last four characters, anything else by whether it
 * is set; {@code forceSecrets} sends every secret again.
 */
final class Differences {
  /** Maps whose keys the user chooses: a key only the coordinator has is a difference. */
  private static final Set<String> USER_MAPS = Set.of("labels", "series");
  private static final int CHANNEL_HINT_LENGTH = 24;

  private Differences() {}

  static List<String> ofChannel(JsonObject wanted, JsonObject shown, Set<String> secretFields, boolean forceSecrets) {
    List<String> changes = new ArrayList<>();
    for (String field : wanted.fieldNames()) {
      Object value = wanted.getValue(field);
      if (field.equals("name")) {
        continue;
      }
      if (secretFields.contains(field)) {
        channelSecret(field, value, shown.getValue(field), forceSecrets, changes);
      } else if (!Values.same(value, shown.getValue(field), USER_MAPS.contains(field))) {
        changes.add(field + " " + Values.show(shown.getValue(field)) + " -> " + Values.show(value));
      }
    }
    return changes;
  }

  private static void channelSecret(String field, Object wanted, Object shown, boolean force, List<String> changes) {
    if (Values.isEmpty(wanted) || Values.isEmpty(shown)) {
      if (!(Values.isEmpty(wanted) && Values.isEmpty(shown))) {
        changes.add(field + (Values.isEmpty(wanted) ? " (secret removed)" : " (secret set)"));
      }
    } else if (wanted instanceof String text && text.strip().length() >= CHANNEL_HINT_LENGTH
        && !ChannelJson.masked(text.strip()).equals(shown)) {
      changes.add(field + " (secret changed)");
    } else if (force) {
      changes.add(field + " (secret sent again)");
    }
  }

  /**
   * @param wanted the file's monitor as the API would show it once written (see {@link ItemChecks}), so
   *     fields the file leaves out count with their defaults: a write resets them
   * @param channelNames channel ids to names, as monitors refer to channels by name in the file
   */
  static List<String> ofMonitor(JsonObject wanted, JsonObject shown, Map<String, String> channelNames,
      boolean forceSecrets) {
    Set<String> fields = new LinkedHashSet<>(wanted.fieldNames());
    fields.addAll(shown.fieldNames());
    List<String> changes = new ArrayList<>();
    for (String field : fields) {
      if (field.equals("name") || field.equals("type") || MonitorRequests.isReadOnly(field)
          || field.equals("stale_after") && bothDefault(wanted, shown, "stale_after_default")) {
        continue;
      }
      Object value = wanted.getValue(field);
      Object current = shown.getValue(field);
      switch (field) {
        case "channels" -> compare(field, names(value, channelNames), names(current, channelNames), changes);
        case "escalation" -> compare(field, escalationByName(value, channelNames),
            escalationByName(current, channelNames), changes);
        default -> compare(field, value, current, changes);
      }
    }
    if (forceSecrets) {
      secretsOf(wanted).forEach(secret -> changes.add(secret + " (secret sent again)"));
    }
    return changes;
  }

  /** A default derived from other fields (stale_after from the interval) changes with them: not news. */
  private static boolean bothDefault(JsonObject wanted, JsonObject shown, String flag) {
    return Boolean.TRUE.equals(wanted.getValue(flag)) && Boolean.TRUE.equals(shown.getValue(flag));
  }

  /** Both sides come from the API's own rendering, where secrets read {@code ****}: they never show here. */
  private static void compare(String field, Object wanted, Object shown, List<String> changes) {
    if (!Values.same(wanted, shown, true)) {
      changes.add(field + " " + Values.show(shown) + " -> " + Values.show(wanted));
    }
  }

  private static List<String> secretsOf(JsonObject monitor) {
    List<String> secrets = new ArrayList<>();
    if (monitor.getValue("headers") instanceof JsonObject headers) {
      headers.forEach(header -> {
        if (header.getValue() instanceof JsonObject) {
          secrets.add("headers." + header.getKey());
        }
      });
    }
    if (monitor.getValue("auth") instanceof JsonObject) {
      secrets.add("auth");
    }
    return secrets;
  }

  private static JsonArray names(Object ids, Map<String, String> channelNames) {
    JsonArray names = new JsonArray();
    if (ids instanceof JsonArray array) {
      array.forEach(id -> names.add(channelNames.getOrDefault(String.valueOf(id), String.valueOf(id))));
    }
    return names;
  }

  private static Object escalationByName(Object shown, Map<String, String> channelNames) {
    if (!(shown instanceof JsonObject escalation)) {
      return shown;
    }
    return escalation.copy().put("channels", names(escalation.getValue("channels"), channelNames));
  }
}
