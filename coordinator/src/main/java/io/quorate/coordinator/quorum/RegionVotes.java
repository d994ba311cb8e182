package io.quorate.coordinator.quorum;

import io.quorate.coordinator.incident.FailureBuckets;
import io.quorate.coordinator.incident.IncidentEvents;
import io.quorate.coordinator.incident.IncidentEvents.Event;
import io.quorate.coordinator.incident.Opening;
import io.quorate.coordinator.incident.Opening.AlertFacts;
import io.quorate.coordinator.monitor.HttpSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns region verdicts into what an incident keeps of them: timeline entries ("eu-west votes down: …,
 * 3 in a row") and the facts its alert reports. Queue measures come from the monitor's series named
 * {@code oldest_job_age} (seconds) and {@code depth}, the largest any down region measured.
 */
final class RegionVotes {
  static final String OLDEST_JOB_AGE = "oldest_job_age";
  static final String DEPTH = "depth";

  private RegionVotes() {}

  static Event event(RegionVerdict vote) {
    String text = vote.region() + " votes " + vote.verdict().label()
        + (vote.reason().isBlank() ? "" : ": " + vote.reason())
        + " (" + vote.streak() + " " + (vote.lastOutcomeDown() ? "failed" : "passed") + " in a row)";
    return new Event(vote.lastObservedAt(), "vote", vote.region(), text,
        new JsonObject().put("region", vote.region()).put("verdict", vote.verdict().label()).put("streak", vote.streak()));
  }

  static Opening opening(Monitor monitor, HttpSpec spec, Decision decision, Map<String, RegionVerdict> verdicts,
      Optional<Instant> lastSuccess) {
    List<Event> votes = new ArrayList<>();
    for (String region : spec.regions()) {
      RegionVerdict verdict = verdicts.get(region);
      if (verdict != null && verdict.verdict() != Verdict.PENDING) {
        votes.add(event(verdict));
      }
    }
    List<RegionVerdict> down = decision.regionsDown().stream().map(verdicts::get).toList();
    Optional<Duration> oldest = largest(down, OLDEST_JOB_AGE).map(seconds -> Duration.ofMillis((long) (seconds * 1000)));
    Optional<Long> waiting = largest(down, DEPTH).map(Math::round);
    String topError = down.stream().map(v -> FailureBuckets.label(v.lastRun().getString("failure_kind", ""), v.reason()))
        .findFirst().orElse("");
    String agreeing = decision.regionsDown().size() + " of " + spec.regions().size() + " regions agree ("
        + String.join(", ", decision.regionsDown()) + ")";
    return new Opening(monitor, decision.reason(), decision.agreement(), decision.regionsDown(), "", Optional.empty(),
        votes, new AlertFacts(oldest, waiting, lastSuccess, topError, agreeing));
  }

  private static Optional<Double> largest(List<RegionVerdict> verdicts, String series) {
    return verdicts.stream()
        .map(v -> v.lastRun().getJsonObject("series", new JsonObject()).getValue(series))
        .filter(Number.class::isInstance)
        .map(n -> ((Number) n).doubleValue())
        .max(Double::compare);
  }
}
