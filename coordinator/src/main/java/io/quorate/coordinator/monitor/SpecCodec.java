package io.quorate.coordinator.monitor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stores a {@link MonitorSpec} in the {@code monitors.spec} jsonb column and reads it back. */
final class SpecCodec {
  private SpecCodec() {}

  static JsonObject toJson(MonitorSpec spec) {
    if (spec instanceof HttpSpec http) {
      return new JsonObject()
          .put("url", http.url())
          .put("method", http.method())
          .put("headers", new JsonObject(new LinkedHashMap<>(http.headers())))
          .put("interval_ms", http.interval().toMillis())
          .put("timeout_ms", http.timeout().toMillis())
          .put("conditions", new JsonArray(http.conditions()))
          .put("regions", new JsonArray(http.regions()))
          .put("quorum", http.quorum())
          .put("confirmations", http.confirmations());
    }
    HeartbeatSpec heartbeat = (HeartbeatSpec) spec;
    return new JsonObject().put("ping_id", heartbeat.pingId().toString());
  }

  static MonitorSpec fromRow(String type, JsonObject spec, UUID pingId, Long periodMs, Long graceMs) {
    if ("heartbeat".equals(type)) {
      return new HeartbeatSpec(pingId, Duration.ofMillis(periodMs), Duration.ofMillis(graceMs));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    spec.getJsonObject("headers", new JsonObject()).forEach(e -> headers.put(e.getKey(), String.valueOf(e.getValue())));
    return new HttpSpec(
        spec.getString("url"),
        spec.getString("method"),
        headers,
        Duration.ofMillis(spec.getLong("interval_ms")),
        Duration.ofMillis(spec.getLong("timeout_ms")),
        strings(spec.getJsonArray("conditions")),
        strings(spec.getJsonArray("regions")),
        spec.getInteger("quorum"),
        spec.getInteger("confirmations"));
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }
}
