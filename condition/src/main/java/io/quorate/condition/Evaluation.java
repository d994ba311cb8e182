package io.quorate.condition;

import io.quorate.condition.ConditionResult.Failure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one check run measured: a result per condition, in order, and the named series values.
 *
 * @param results one per condition, in the order the conditions were given
 * @param series  the series that could be measured, by name; a series whose value is missing or not a finite
 *                number is simply absent (series never fail a check)
 */
public record Evaluation(List<ConditionResult> results, Map<String, Double> series) {
  public Evaluation {
    results = List.copyOf(results);
    series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
  }

  /** Whether every condition passed (true when there are none). */
  public boolean allPassed() {
    for (ConditionResult result : results) {
      if (!result.success()) {
        return false;
      }
    }
    return true;
  }

  /** All numeric values the conditions measured, keyed by placeholder text ({@code "[BODY].enqueued" -> 5234.0}). */
  public Map<String, Double> values() {
    Map<String, Double> values = new LinkedHashMap<>();
    for (ConditionResult result : results) {
      values.putAll(result.values());
    }
    return Collections.unmodifiableMap(values);
  }

  /** The failure kind of the first condition that failed, in order; {@link Failure#NONE} when all passed. */
  public Failure failure() {
    for (ConditionResult result : results) {
      if (!result.success()) {
        return result.failure();
      }
    }
    return Failure.NONE;
  }
}
