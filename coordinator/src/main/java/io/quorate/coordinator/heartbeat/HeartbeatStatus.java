package io.quorate.coordinator.heartbeat;

import java.time.Instant;
import java.util.Optional;

/**
 * A heartbeat's state as people see it, and the problem that opens (or keeps open) an incident.
 *
 * @param state new, up, late, down, paused or running
 * @param nextDueAt when the next ping is expected (scheduled heartbeats)
 * @param deadlineAt when it counts as missed: next due plus grace
 * @param waitingForRegions the deadline has passed, but not enough regions have delivered every ping they
 *     received before it, so nothing is declared yet
 */
public record HeartbeatStatus(String state, Optional<Instant> nextDueAt, Optional<Instant> deadlineAt,
    Optional<HeartbeatProblem> problem, boolean waitingForRegions) {

  public boolean down() {
    return problem.isPresent();
  }
}
