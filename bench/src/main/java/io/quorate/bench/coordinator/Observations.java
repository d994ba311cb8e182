package io.quorate.bench.coordinator;

import io.quorate.link.v1.ConditionResult;
import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;

/**
 * What a probe reports for one run of the benchmark's monitors (a queue-stats check with three conditions
 * and one series, as the fixtures define them): the same fields and about the same size as a real probe's
 * observation, built from a template so the load generator spends little on each.
 */
final class Observations {
  static final String UP_REASON = "";
  static final String DOWN_REASON = "[BODY].enqueued (5234) < 1000: failed";
  private static final Observation UP = Observation.newBuilder()
      .setOutcome(Outcome.OUTCOME_UP)
      .setLatencyMs(3)
      .setStatusCode(200)
      .putValues("[STATUS]", 200)
      .putValues("[BODY].enqueued", 12)
      .putValues("[BODY].oldest_age_s", 4)
      .addConditions(condition("[STATUS] == 200", true, "[STATUS] (200) == 200: passed"))
      .addConditions(condition("[BODY].enqueued < 1000", true, "[BODY].enqueued (12) < 1000: passed"))
      .addConditions(condition("[BODY].oldest_age_s < 600", true, "[BODY].oldest_age_s (4) < 600: passed"))
      .putSeries("depth", 12)
      .build();
  private static final Observation DOWN = UP.toBuilder()
      .setOutcome(Outcome.OUTCOME_DOWN)
      .setReason(DOWN_REASON)
      .setFailureKind(FailureKind.FAILURE_KIND_CONDITION_BREACHED)
      .putValues("[BODY].enqueued", 5234)
      .setConditions(1, condition("[BODY].enqueued < 1000", false, DOWN_REASON))
      .putSeries("depth", 5234)
      .build();

  private Observations() {
  }

  static Observation of(String monitorId, long version, String region, long observedAtMs, boolean down) {
    return (down ? DOWN : UP).toBuilder().setMonitorId(monitorId).setMonitorVersion(version).setRegion(region)
        .setObservedAtMs(observedAtMs).build();
  }

  private static ConditionResult condition(String condition, boolean success, String line) {
    return ConditionResult.newBuilder().setCondition(condition).setSuccess(success).setLine(line).build();
  }
}
