package io.quorate.condition;

import java.util.ArrayList;
import java.util.List;

/** Evaluating all the conditions of one check on one response, parsing the body as JSON at most once. */
public final class Conditions {
  private Conditions() {
  }

  /** One result per condition, in order. The body is parsed lazily: not at all if no condition needs JSON. */
  public static List<ConditionResult> evaluateAll(List<Condition> conditions, CheckResponse response) {
    ResponseView view = ResponseView.of(response);
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
