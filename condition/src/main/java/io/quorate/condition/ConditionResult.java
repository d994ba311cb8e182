package io.quorate.condition;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one condition on one response.
 *
 * @param condition the condition text
 * @param success   whether it passed
 * @param line      what a person reads, e.g. {@code [BODY].enqueued (5234) < 1000: failed},
 *                  {@code [STATUS] (200) == 200: passed} or {@code [BODY].enqueued: field missing}
 * @param values    numeric values measured by the condition's placeholders, keyed by placeholder text
 *                  ({@code "[BODY].enqueued" -> 5234.0}); empty when nothing numeric was measured
 */
public record ConditionResult(String condition, boolean success, String line, Map<String, Double> values) {
  public ConditionResult {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(line, "line");
    values = values == null ? Map.of() : Map.copyOf(values);
  }
}
