package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.monitor.Monitor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which monitors a maintenance window or a silence covers: every listed monitor, and every monitor that
 * carries all the listed labels. At least one of the two is given (checked by {@link MatcherRequests}).
 */
public record Matchers(Set<UUID> monitorIds, Map<String, String> labels) {
  public Matchers {
    monitorIds = Collections.unmodifiableSet(new LinkedHashSet<>(monitorIds));
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  public boolean matches(Monitor monitor) {
    if (monitorIds.contains(monitor.id())) {
      return true;
    }
    Map<String, String> carried = monitor.alerting().labels();
    return !labels.isEmpty() && labels.entrySet().stream()
        .allMatch(label -> label.getValue().equals(carried.get(label.getKey())));
  }

  public JsonObject toJson() {
    JsonArray ids = new JsonArray();
    monitorIds.forEach(id -> ids.add(id.toString()));
    JsonObject labelJson = new JsonObject();
    labels.forEach(labelJson::put);
    return new JsonObject().put("monitor_ids", ids).put("labels", labelJson);
  }

  /** Reads what {@link #toJson()} stored. */
  public static Matchers fromJson(JsonObject json) {
    Set<UUID> ids = new LinkedHashSet<>();
    json.getJsonArray("monitor_ids", new JsonArray()).forEach(id -> ids.add(UUID.fromString((String) id)));
    Map<String, String> labels = new LinkedHashMap<>();
    json.getJsonObject("labels", new JsonObject()).forEach(e -> labels.put(e.getKey(), (String) e.getValue()));
    return new Matchers(ids, labels);
  }
}
