package io.quorate.coordinator.monitor;

import io.quorate.coordinator.heartbeat.schedule.CronSchedule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A heartbeat's settings in the API, in the same fields (and formats) a request sends them. */
final class HeartbeatSettingsJson {
  private HeartbeatSettingsJson() {}

  static void put(JsonObject json, HeartbeatSpec heartbeat) {
    heartbeat.period().ifPresent(period -> json.put("period", Durations.format(period)));
    heartbeat.schedule().filter(CronSchedule.class::isInstance).map(CronSchedule.class::cast)
        .ifPresent(cron -> json.put("cron", cron.expression()).put("timezone", cron.zone().getId()));
    heartbeat.schedule().ifPresent(schedule -> json.put("schedule", schedule.describe()));
    heartbeat.fleet().ifPresent(fleet -> {
      JsonObject rule = new JsonObject().put("window", Durations.format(fleet.window())).put("min_pings", fleet.minPings());
      fleet.maxFailureRatio().ifPresent(ratio -> rule.put("max_failure_ratio", percent(ratio)));
      json.put("fleet", rule).put("schedule", "at least " + fleet.minPings() + " successful pings per "
          + Durations.format(fleet.window()));
    });
    if (heartbeat.fleet().isEmpty()) {
      json.put("grace", Durations.format(heartbeat.grace()));
    }
    heartbeat.maxRunTime().ifPresent(max -> json.put("max_run_time", Durations.format(max)));
    heartbeat.slug().ifPresent(slug -> json.put("slug", slug));
    heartbeat.quorum().ifPresent(quorum -> json.put("quorum", quorum));
    json.put("conditions", new JsonArray(heartbeat.conditions()));
  }

  /** "5%" as a request sends it; a ratio such as 0.125 reads "12.5%". */
  private static String percent(double ratio) {
    double percent = Math.round(ratio * 100_000) / 1000.0; // 0.1 * 100 is 10.000000000000002 in doubles
    return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
  }
}
