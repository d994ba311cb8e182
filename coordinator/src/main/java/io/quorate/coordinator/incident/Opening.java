package io.quorate.coordinator.incident;

import io.quorate.coordinator.incident.IncidentEvents.Event;
import io.quorate.coordinator.monitor.Monitor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a decision knows when it opens an incident: for the incident row, its first timeline entries,
 * and an alert that says what is wrong and what to do.
 *
 * @param agreement who agrees, e.g. "2 of 3 regions down (eu-west, us-east); quorum 2"
 * @param cause a heartbeat's cause (missed, fail, zombie...), empty for HTTP monitors
 * @param deadlineAt for a missed heartbeat, the deadline that passed
 * @param votes the region votes that led here, for the timeline
 * @param facts what the alert reports beyond the reason
 */
public record Opening(
    Monitor monitor,
    String reason,
    String agreement,
    List<String> regionsDown,
    String cause,
    Optional<Instant> deadlineAt,
    List<Event> votes,
    AlertFacts facts) {

  public Opening {
    regionsDown = List.copyOf(regionsDown);
    votes = List.copyOf(votes);
  }

  /**
   * What the alert adds to the reason: how old the oldest job is (against the monitor's SLA), how many wait,
   * when the last success was, the top failure bucket, and how many regions agree ("3 of 3").
   */
  public record AlertFacts(
      Optional<Duration> oldestJobAge,
      Optional<Long> waiting,
      Optional<Instant> lastSuccessAt,
      String topError,
      String regionsAgreeing) {
    public static final AlertFacts NONE =
        new AlertFacts(Optional.empty(), Optional.empty(), Optional.empty(), "", "");
  }
}
