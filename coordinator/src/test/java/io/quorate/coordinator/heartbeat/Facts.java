package io.quorate.coordinator.heartbeat;

import io.quorate.coordinator.heartbeat.HeartbeatFacts.FleetCounts;
import io.quorate.coordinator.heartbeat.HeartbeatFacts.OpenRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds {@link HeartbeatFacts} for evaluator tests, starting from a monitor created at {@code createdAt}. */
final class Facts {
  private final Instant createdAt;
  private Optional<Instant> lastSuccessAt = Optional.empty();
  private Optional<String> lastSuccessRegion = Optional.empty();
  private Optional<Instant> lastFailAt = Optional.empty();
  private String lastFailReason = "";
  private Optional<Instant> armedAt = Optional.empty();
  private boolean paused;
  private Optional<Instant> snoozedUntil = Optional.empty();
  private boolean everPinged;
  private final List<OpenRun> runs = new ArrayList<>();
  private Optional<FleetCounts> fleet = Optional.empty();

  private Facts(Instant createdAt) {
    this.createdAt = createdAt;
  }

  static Facts createdAt(Instant createdAt) {
    return new Facts(createdAt);
  }

  Facts success(Instant at, String region) {
    lastSuccessAt = Optional.of(at);
    lastSuccessRegion = Optional.of(region);
    everPinged = true;
    return this;
  }

  Facts fail(Instant at, String reason) {
    lastFailAt = Optional.of(at);
    lastFailReason = reason;
    everPinged = true;
    return this;
  }

  Facts run(String runId, Instant startedAt) {
    runs.add(new OpenRun(runId, startedAt, "eu-west"));
    everPinged = true;
    return this;
  }

  Facts paused() {
    paused = true;
    return this;
  }

  Facts armedAt(Instant at) {
    armedAt = Optional.of(at);
    return this;
  }

  Facts snoozedUntil(Instant until) {
    snoozedUntil = Optional.of(until);
    return this;
  }

  Facts fleet(Instant from, Instant to, long successes, long failures) {
    fleet = Optional.of(new FleetCounts(from, to, successes, failures));
    everPinged = true;
    return this;
  }

  HeartbeatFacts build() {
    return new HeartbeatFacts(createdAt, lastSuccessAt, lastSuccessRegion, lastSuccessAt, lastFailAt, lastFailReason,
        armedAt, paused, snoozedUntil, everPinged, runs, fleet);
  }
}
