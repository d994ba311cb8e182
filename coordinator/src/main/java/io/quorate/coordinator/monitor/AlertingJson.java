package io.quorate.coordinator.monitor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link MonitorAlerting} in the API (durations as "5m") and in the {@code monitors.alerting} column
 * (durations in milliseconds). A row written before these settings existed reads as the defaults.
 */
public final class AlertingJson {
  private AlertingJson() {}

  /** The API fields, added to a monitor's JSON. */
  public static void put(JsonObject json, MonitorAlerting alerting) {
    json.put("owner", alerting.owner())
        .put("customer_action", alerting.customerAction())
        .put("impact", alerting.impact())
        .put("urgency", alerting.urgency())
        .put("sla", alerting.sla().map(Durations::format).orElse(null))
        .put("labels", new JsonObject(new LinkedHashMap<>(alerting.labels())))
        .put("channels", ids(alerting.channels()))
        .put("remind_every", alerting.remindEvery().map(Durations::format).orElse(null))
        .put("escalation", alerting.escalateAfter().map(after -> new JsonObject()
            .put("after", Durations.format(after)).put("channels", ids(alerting.escalateTo()))).orElse(null))
        .put("flap_cooldown", Durations.format(alerting.flapCooldown()));
  }

  /** For payloads and alert text: who and what, without routing details. */
  public static JsonObject about(MonitorAlerting alerting) {
    return new JsonObject()
        .put("owner", alerting.owner())
        .put("customer_action", alerting.customerAction())
        .put("impact", alerting.impact())
        .put("urgency", alerting.urgency())
        .put("sla", alerting.sla().map(Durations::format).orElse(null))
        .put("labels", new JsonObject(new LinkedHashMap<>(alerting.labels())));
  }

  static JsonObject toStored(MonitorAlerting alerting) {
    return new JsonObject()
        .put("owner", alerting.owner())
        .put("customer_action", alerting.customerAction())
        .put("impact", alerting.impact())
        .put("urgency", alerting.urgency())
        .put("sla_ms", alerting.sla().map(Duration::toMillis).orElse(null))
        .put("labels", new JsonObject(new LinkedHashMap<>(alerting.labels())))
        .put("channels", ids(alerting.channels()))
        .put("remind_every_ms", alerting.remindEvery().map(Duration::toMillis).orElse(null))
        .put("escalate_after_ms", alerting.escalateAfter().map(Duration::toMillis).orElse(null))
        .put("escalate_to", ids(alerting.escalateTo()))
        .put("flap_cooldown_ms", alerting.flapCooldown().toMillis());
  }

  static MonitorAlerting fromStored(JsonObject stored) {
    if (stored == null || stored.isEmpty()) {
      return MonitorAlerting.DEFAULTS;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    stored.getJsonObject("labels", new JsonObject()).forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
    return new MonitorAlerting(
        stored.getString("owner", ""),
        stored.getString("customer_action", ""),
        stored.getString("impact", ""),
        stored.getString("urgency", MonitorAlerting.PAGE),
        millis(stored, "sla_ms"),
        labels,
        uuids(stored.getJsonArray("channels")),
        millis(stored, "remind_every_ms"),
        millis(stored, "escalate_after_ms"),
        uuids(stored.getJsonArray("escalate_to")),
        millis(stored, "flap_cooldown_ms").orElse(MonitorAlerting.DEFAULT_FLAP_COOLDOWN));
  }

  private static Optional<Duration> millis(JsonObject stored, String field) {
    return Optional.ofNullable(stored.getLong(field)).map(Duration::ofMillis);
  }

  private static JsonArray ids(List<UUID> ids) {
    return new JsonArray(ids.stream().map(UUID::toString).toList());
  }

  private static List<UUID> uuids(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).map(UUID::fromString).toList();
  }
}
