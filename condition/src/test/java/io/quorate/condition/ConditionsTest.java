package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.condition.ConditionResult.Failure;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final CheckResponse RESPONSE =
      CheckResponse.of(200, 12, "{\"enqueued\": 5234, \"oldest_age_s\": 30}");
  private static final String METRICS = """
      # TYPE sidekiq_jobs_waiting_count gauge
      sidekiq_jobs_waiting_count{queue="default"} 5234
      sidekiq_queue_latency{queue="default"} 31.5
      """;

  @Test
  void evaluatesEveryConditionInOrder() {
    List<Condition> conditions = Conditions.parseAll(
        List.of("[STATUS] == 200", "[BODY].enqueued < 1000", "[BODY].oldest_age_s < 60"));
    List<ConditionResult> results = Conditions.evaluateAll(conditions, RESPONSE);
    assertEquals(List.of("[STATUS] (200) == 200 — passed", "[BODY].enqueued (5234) < 1000 — failed",
        "[BODY].oldest_age_s (30) < 60 — passed"), results.stream().map(ConditionResult::line).toList());
    assertEquals(List.of(Failure.NONE, Failure.BREACHED, Failure.NONE),
        results.stream().map(ConditionResult::failure).toList());
    assertFalse(Conditions.allPassed(results));
    assertTrue(Conditions.allPassed(List.of()));
  }

  @Test
  void evaluationHoldsResultsSeriesValuesAndTheFirstFailure() {
    List<Condition> conditions = Conditions.parseAll(
        List.of("[STATUS] == 200", "[BODY].missing < 5", "[BODY].enqueued < 1000"));
    Series series = Series.parse(Map.of("depth", "[BODY].enqueued"));
    Evaluation evaluation = Conditions.evaluate(conditions, series, RESPONSE);
    assertEquals(List.of("[STATUS] (200) == 200 — passed", "[BODY].missing: field missing",
        "[BODY].enqueued (5234) < 1000 — failed"), evaluation.results().stream().map(ConditionResult::line).toList());
    assertFalse(evaluation.allPassed());
    assertEquals(Failure.FIELD_MISSING, evaluation.failure());
    assertEquals(Map.of("depth", 5234.0), evaluation.series());
    assertEquals(Map.of("[STATUS]", 200.0, "[BODY].enqueued", 5234.0), evaluation.values());
  }

  @Test
  void evaluationOfPassingConditionsWithoutSeries() {
    Evaluation evaluation = Conditions.evaluate(Conditions.parseAll(List.of("[STATUS] == 200")), Series.EMPTY,
        RESPONSE);
    assertTrue(evaluation.allPassed());
    assertEquals(Failure.NONE, evaluation.failure());
    assertEquals(Map.of(), evaluation.series());
    assertTrue(Conditions.evaluate(List.of(), null, RESPONSE).allPassed());
  }

  @Test
  void parsesTheBodyAtMostOncePerResponse() {
    ResponseView view = ResponseView.of(RESPONSE);
    for (String text : List.of("[BODY].enqueued < 1000", "[BODY].oldest_age_s < 60", "[BODY].missing == 1",
        "len([BODY]) == 2", "has([BODY].x) == false")) {
      Condition.parse(text).evaluate(view);
    }
    Series.parse(Map.of("depth", "[BODY].enqueued")).measure(view);
    assertEquals(1, view.parses());
    assertEquals(0, view.metricParses());
  }

  @Test
  void readsPrometheusTextAtMostOncePerResponse() {
    ResponseView view = ResponseView.of(CheckResponse.of(200, 12, METRICS));
    for (String text : List.of("[METRIC].sidekiq_jobs_waiting_count{queue=\"default\"} < 1000",
        "[METRIC].sidekiq_queue_latency < 5m", "has([METRIC].sidekiq_dead) == false")) {
      Condition.parse(text).evaluate(view);
    }
    Series.parse(Map.of("oldest_job_age", "[METRIC].sidekiq_queue_latency")).measure(view);
    assertEquals(1, view.metricParses());
    assertEquals(0, view.parses());
  }

  @Test
  void doesNotParseTheBodyWhenNoConditionLooksIntoIt() {
    ResponseView view = ResponseView.of(CheckResponse.of(200, 12, "not json at all"));
    Condition.parse("[STATUS] == 200").evaluate(view);
    Condition.parse("[BODY] == \"not json at all\"").evaluate(view);
    Condition.parse("len([BODY]) == 15").evaluate(view);
    Condition.parse("[RESPONSE_TIME] < 1s").evaluate(view);
    assertEquals(0, view.parses());
    assertEquals(0, view.metricParses());
  }

  @Test
  void parseAllStopsAtTheFirstInvalidCondition() {
    ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class,
        () -> Conditions.parseAll(List.of("[STATUS] == 200", "[BODY].n <> 3")));
    assertTrue(e.getMessage().contains("[BODY].n <> 3"), e.getMessage());
  }

  @Test
  void keepsTheFirstVersionsConstructors() {
    CheckResponse plain = new CheckResponse(200, 5, "ok", Map.of("X-A", List.of("1")));
    assertEquals(OptionalLong.empty(), plain.certificateExpiresInMs());
    assertEquals(OptionalLong.of(86_400_000), plain.withCertificateExpiresInMs(86_400_000).certificateExpiresInMs());
    assertEquals(plain.body(), plain.withCertificateExpiresInMs(1).body());
    assertEquals("", CheckResponse.of(200, 5, null).body());
    assertEquals(Failure.NONE, new ConditionResult("c", true, "l", Map.of()).failure());
    assertEquals(Failure.BREACHED, new ConditionResult("c", false, "l", null).failure());
  }

  @Test
  void refusesAResultWhoseFailureContradictsItsSuccess() {
    assertThrows(IllegalArgumentException.class, () -> new ConditionResult("c", true, "l", Map.of(), Failure.BREACHED));
    assertThrows(IllegalArgumentException.class, () -> new ConditionResult("c", false, "l", Map.of(), Failure.NONE));
    assertThrows(IllegalArgumentException.class, () -> new CheckResponse(200, -1, "", Map.of()));
  }
}
