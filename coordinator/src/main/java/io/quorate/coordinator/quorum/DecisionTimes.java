package io.quorate.coordinator.quorum;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quorate.coordinator.db.AfterCommit;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code quorate_incident_decision_seconds{action="open|resolve"}}: from when this node read the observation that
 * completed a decision off its probe's stream to the decision (the incident's {@code opened_at} or
 * {@code resolved_at}). Counted once the decision's transaction commits; buckets at the times operators ask
 * about ("within 100 ms?").
 */
final class DecisionTimes {
  private final Timer opened;
  private final Timer resolved;

  DecisionTimes(MeterRegistry registry) {
    this.opened = timer(registry, "open");
    this.resolved = timer(registry, "resolve");
  }

  private static Timer timer(MeterRegistry registry, String action) {
    return Timer.builder("quorate.incident.decision").tag("action", action)
        .description("From reading the observation that completed an incident decision to the decision")
        .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5))
        .register(registry);
  }

  /** Records {@code receivedAt} to {@code decidedAt} once {@code tx} commits; nothing if it rolls back. */
  void afterCommit(SqlClient tx, Decision.Action action, Instant receivedAt, Instant decidedAt) {
    Timer timer = switch (action) {
      case OPEN -> opened;
      case RESOLVE -> resolved;
      case HOLD -> null;
    };
    if (timer == null) {
      return;
    }
    Duration between = Duration.between(receivedAt, decidedAt);
    Duration took = between.isNegative() ? Duration.ZERO : between; // another node's read, a clock step back
    AfterCommit.run(tx, () -> timer.record(took));
  }
}
