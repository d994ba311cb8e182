package io.quorate.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Evaluating all the conditions (and series) of one check on one response, parsing the body at most once. */
public final class Conditions {
  private Conditions() {
  }

  /**
   * Evaluates every condition and measures every series on one response. The body is parsed lazily, once per
   * format (JSON, Prometheus text) and not at all if nothing looks into it.
   */
  public static Evaluation evaluate(List<Condition> conditions, Series series, CheckResponse response) {
    ResponseView view = ResponseView.of(response);
    List<ConditionResult> results = evaluateAll(conditions, view);
    return new Evaluation(results, Objects.requireNonNullElse(series, Series.EMPTY).measure(view));
  }

  /** One result per condition, in order. The body is parsed lazily: not at all if no condition needs it. */
  public static List<ConditionResult> evaluateAll(List<Condition> conditions, CheckResponse response) {
    return evaluateAll(conditions, ResponseView.of(response));
  }

  private static List<ConditionResult> evaluateAll(List<Condition> conditions, ResponseView view) {
    List<ConditionResult> results = new ArrayList<>(conditions.size());
    for (Condition condition : conditions) {
      results.add(condition.evaluate(view));
    }
    return List.copyOf(results);
  }

  /**
   * Parses several conditions.
   *
   * @throws ConditionSyntaxException for the first one that is not valid
   */
  public static List<Condition> parseAll(List<String> texts) {
    return texts.stream().map(Condition::parse).toList();
  }

  /** Whether every result passed (true for no results). */
  public static boolean allPassed(List<ConditionResult> results) {
    return results.stream().allMatch(ConditionResult::success);
  }
}
