package io.quorate.coordinator.monitor;

import io.quorate.coordinator.heartbeat.schedule.CronSchedule;
import io.quorate.coordinator.heartbeat.schedule.EverySchedule;
import io.quorate.coordinator.heartbeat.schedule.Schedule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A heartbeat's settings in storage: the ping id, period and grace live in their own columns (the first
 * release kept nothing else, and its rows read as simple heartbeats), everything added since in spec.
 */
final class HeartbeatCodec {
  private HeartbeatCodec() {}

  static JsonObject toJson(HeartbeatSpec heartbeat) {
    JsonObject json = new JsonObject().put("ping_id", heartbeat.pingId().toString());
    heartbeat.schedule().filter(CronSchedule.class::isInstance).map(CronSchedule.class::cast)
        .ifPresent(cron -> json.put("cron", cron.expression()).put("timezone", cron.zone().getId()));
    heartbeat.fleet().ifPresent(fleet -> json.put("fleet", new JsonObject()
        .put("window_ms", fleet.window().toMillis())
        .put("min_pings", fleet.minPings())
        .put("max_failure_ratio", fleet.maxFailureRatio().orElse(null))));
    heartbeat.maxRunTime().ifPresent(max -> json.put("max_run_time_ms", max.toMillis()));
    heartbeat.quorum().ifPresent(quorum -> json.put("quorum", quorum));
    return json.put("conditions", new JsonArray(heartbeat.conditions()));
  }

  static HeartbeatSpec fromRow(JsonObject spec, UUID pingId, Long periodMs, Long graceMs, String slug) {
    Optional<FleetRule> fleet = Optional.ofNullable(spec.getJsonObject("fleet")).map(f -> new FleetRule(
        Duration.ofMillis(f.getLong("window_ms")), f.getLong("min_pings"),
        Optional.ofNullable(f.getDouble("max_failure_ratio"))));
    Optional<Schedule> schedule = fleet.isPresent() ? Optional.empty() : Optional.of(spec.containsKey("cron")
        ? CronSchedule.parse(spec.getString("cron"), spec.getString("timezone"))
        : new EverySchedule(Duration.ofMillis(periodMs)));
    List<String> conditions = spec.getJsonArray("conditions", new JsonArray()).stream().map(String::valueOf).toList();
    return new HeartbeatSpec(pingId, schedule, fleet, Duration.ofMillis(graceMs == null ? 0 : graceMs),
        Optional.ofNullable(spec.getLong("max_run_time_ms")).map(Duration::ofMillis), conditions,
        Optional.ofNullable(slug), Optional.ofNullable(spec.getInteger("quorum")));
  }
}
