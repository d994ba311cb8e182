package io.quorate.coordinator.quorum;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * One region's current verdict on one monitor, folded from its observations: DOWN after
 * {@code confirmations} consecutive failures, UP again after {@code recoveries} consecutive successes (a
 * first success makes a PENDING region UP at once), PENDING before the first verdict.
 *
 * @param lastOutcomeDown whether the newest observation failed
 * @param streak consecutive observations with that outcome
 * @param lastRun the newest run's details for people: failure kind, condition lines, series, status code
 */
public record RegionVerdict(
    String region,
    Verdict verdict,
    boolean lastOutcomeDown,
    int streak,
    Instant lastObservedAt,
    String reason,
    JsonObject measured,
    JsonObject lastRun) {

  /** The verdict after one more observation. */
  public static RegionVerdict fold(Optional<RegionVerdict> previous, String region, boolean down,
      Instant observedAt, String reason, JsonObject measured, JsonObject lastRun, int confirmations, int recoveries) {
    int streak = previous.filter(p -> p.lastOutcomeDown() == down).map(p -> p.streak() + 1).orElse(1);
    Verdict before = previous.map(RegionVerdict::verdict).orElse(Verdict.PENDING);
    Verdict after;
    if (!down) {
      after = before != Verdict.DOWN || streak >= recoveries ? Verdict.UP : Verdict.DOWN;
    } else if (streak >= confirmations) {
      after = Verdict.DOWN;
    } else {
      after = before;
    }
    return new RegionVerdict(region, after, down, streak, observedAt, reason, measured, lastRun);
  }

  /** This verdict with its newest run's details. */
  public RegionVerdict withDetails(JsonObject measured, JsonObject lastRun) {
    return new RegionVerdict(region, verdict, lastOutcomeDown, streak, lastObservedAt, reason, measured, lastRun);
  }

  /** True when the verdict is too old to vote: the region missed two runs and a timeout. */
  public boolean isStale(Instant now, java.time.Duration staleAfter) {
    return lastObservedAt.plus(staleAfter).isBefore(now);
  }
}
