package io.quorate.coordinator.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An outage of one monitor that a quorum agreed on, open until it resolves.
 *
 * @param cause for heartbeats, what opened it: missed, fail, zombie, fleet_rate, fleet_failures (see
 *     {@code HeartbeatProblem.Cause}); empty for HTTP monitors
 * @param deadlineAt for a missed heartbeat, the deadline that passed without a ping
 * @param resolution how it ended, e.g. "Ping received 14:05:02 UTC in eu-west"
 * @param falseAlarm it resolved because pings from before its deadline arrived late: nothing was down
 * @param acknowledgedBy who acknowledged it; empty while nobody has
 * @param resolvedBy who resolved it by hand; empty when it resolved on its own or is open
 * @param awaitingRecovery resolved by hand while still failing: no new incident until the monitor recovers
 * @param reopenedCount how often it failed again within the flap cool-down and was reopened
 * @param lastAlertedAt when its last alert (opening, reopening or reminder) was queued
 * @param alertHeldBy what held its DOWN alert, in words, while that alert has not been sent (a maintenance
 *     window or a silence); empty when it was sent
 * @param alertReleasedAt when a held DOWN alert was finally sent: escalation counts from then
 */
public record Incident(
    UUID id,
    UUID monitorId,
    String monitorName,
    Instant openedAt,
    Optional<Instant> resolvedAt,
    String reason,
    List<String> regionsDown,
    String cause,
    Optional<Instant> deadlineAt,
    String resolution,
    boolean falseAlarm,
    Optional<Instant> acknowledgedAt,
    String acknowledgedBy,
    String resolvedBy,
    boolean awaitingRecovery,
    int reopenedCount,
    Optional<Instant> lastAlertedAt,
    int remindersSent,
    Optional<Instant> escalatedAt,
    String alertHeldBy,
    Optional<Instant> alertReleasedAt) {

  public Incident {
    regionsDown = List.copyOf(regionsDown);
  }

  public boolean isOpen() {
    return resolvedAt.isEmpty();
  }

  public boolean isAcknowledged() {
    return acknowledgedAt.isPresent();
  }

  /** Its DOWN alert was held and never sent: nobody was told it is down. */
  public boolean downAlertHeld() {
    return !alertHeldBy.isEmpty();
  }

  /** What escalation counts from: the opening, or the moment a held DOWN alert went out. */
  public Instant alertedSince() {
    return alertReleasedAt.filter(released -> released.isAfter(openedAt)).orElse(openedAt);
  }

  /** open, acknowledged or resolved: what people see first. */
  public String state() {
    return !isOpen() ? "resolved" : isAcknowledged() ? "acknowledged" : "open";
  }
}
