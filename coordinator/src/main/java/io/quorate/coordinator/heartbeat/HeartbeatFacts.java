package io.quorate.coordinator.heartbeat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the coordinator knows about one heartbeat monitor at a moment: its newest pings, its open runs,
 * pause and snooze, and (fleet heartbeats) the counts in the window being judged.
 *
 * @param armedAt deadlines count from the later of the last success and this (set on resume)
 * @param snoozedUntil end of the current or latest snooze; once passed, deadlines also count from it
 * @param everPinged whether any ping (of any kind) was ever stored
 * @param fleet counts of the fleet window, empty for scheduled heartbeats
 */
public record HeartbeatFacts(
    Instant createdAt,
    Optional<Instant> lastSuccessAt,
    Optional<String> lastSuccessRegion,
    Optional<Instant> lastSuccessStoredAt,
    Optional<Instant> lastFailAt,
    String lastFailReason,
    Optional<Instant> armedAt,
    boolean paused,
    Optional<Instant> snoozedUntil,
    boolean everPinged,
    List<OpenRun> openRuns,
    Optional<FleetCounts> fleet) {

  public HeartbeatFacts {
    openRuns = List.copyOf(openRuns);
  }

  /** A start ping without its completion yet. {@code runId} is empty for starts sent without {@code ?rid=}. */
  public record OpenRun(String runId, Instant startedAt, String region) {}

  /** Completions in a fleet heartbeat's window {@code (from, to]}: successes, and failures or broken conditions. */
  public record FleetCounts(Instant from, Instant to, long successes, long failures) {}
}
