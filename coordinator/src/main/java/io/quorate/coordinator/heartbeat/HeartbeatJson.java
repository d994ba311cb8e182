package io.quorate.coordinator.heartbeat;

import io.quorate.coordinator.heartbeat.HeartbeatFacts.OpenRun;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** The {@code heartbeat} object of a monitor in the API: its current state and what it was decided from. */
public final class HeartbeatJson {
  private HeartbeatJson() {}

  public static JsonObject status(HeartbeatView view) {
    HeartbeatStatus status = view.status();
    HeartbeatFacts facts = view.facts();
    JsonArray runs = new JsonArray();
    for (OpenRun run : facts.openRuns()) {
      runs.add(new JsonObject().put("run_id", run.runId()).put("started_at", run.startedAt().toString())
          .put("region", run.region()));
    }
    return new JsonObject()
        .put("state", status.state())
        .put("problem", status.problem().map(HeartbeatProblem::reason).orElse(null))
        .put("next_due_at", text(status.nextDueAt()))
        .put("deadline_at", text(status.deadlineAt()))
        .put("waiting_for_regions", status.waitingForRegions())
        .put("regions_behind", new JsonArray(status.deadlineAt().map(view.knownUntil()::behind).orElse(java.util.List.of())))
        .put("known_until", view.knownUntil().at().toString())
        .put("last_ping", view.lastPing().map(p -> new JsonObject().put("at", p.at().toString()).put("kind", p.kind())
            .put("body", p.body())).orElse(null))
        .put("last_success_at", text(facts.lastSuccessAt()))
        .put("last_success_region", facts.lastSuccessRegion().orElse(null))
        .put("last_failure", facts.lastFailAt().map(at -> new JsonObject().put("at", at.toString())
            .put("reason", facts.lastFailReason())).orElse(null))
        .put("open_runs", runs)
        .put("paused", facts.paused())
        .put("snoozed_until", text(facts.snoozedUntil()))
        .put("fleet_window", facts.fleet().map(c -> new JsonObject().put("from", c.from().toString())
            .put("to", c.to().toString()).put("successes", c.successes()).put("failures", c.failures())).orElse(null));
  }

  private static String text(Optional<Instant> time) {
    return time.map(Instant::toString).orElse(null);
  }
}
