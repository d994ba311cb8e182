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
    boolean falseAlarm) {

  public Incident {
    regionsDown = List.copyOf(regionsDown);
  }

  public boolean isOpen() {
    return resolvedAt.isEmpty();
  }
}
