package io.quorate.condition;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one condition on one response.
 *
 * @param condition the condition text
 * @param success   whether it passed
 * @param line      what a person reads, e.g. {@code [BODY].enqueued (5234) < 1000 — failed},
 *                  {@code [STATUS] (200) == 200 — passed} or {@code [BODY].enqueued: field missing}
 * @param values    finite numeric values measured by the condition's placeholders and {@code len()}, keyed by
 *                  their text ({@code "[BODY].enqueued" -> 5234.0}); empty when nothing numeric was measured
 * @param failure   why it failed; {@link Failure#NONE} exactly when it passed
 */
public record ConditionResult(String condition, boolean success, String line, Map<String, Double> values,
    Failure failure) {

  /** Why a condition failed, so callers can tell a breached threshold from a body they could not read. */
  public enum Failure {
    /** It passed. */
    NONE,
    /** Everything was measured and the comparison is false. */
    BREACHED,
    /** A field, array index, header, metric series or TLS certificate is not there (or is ambiguous). */
    FIELD_MISSING,
    /** The body is not JSON, or not Prometheus text, where a condition needs it to be. */
    UNPARSABLE,
    /** A value of the wrong kind: text or NaN where a number is needed, {@code len()} of a number. */
    TYPE_MISMATCH
  }

  public ConditionResult {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(failure, "failure");
    values = values == null ? Map.of() : Map.copyOf(values);
    if (success != (failure == Failure.NONE)) {
      throw new IllegalArgumentException("failure must be NONE exactly when the condition passed, got "
          + failure + " with success=" + success);
    }
  }

  /** The first version's shape: a failure is taken to be a breach. */
  public ConditionResult(String condition, boolean success, String line, Map<String, Double> values) {
    this(condition, success, line, values, success ? Failure.NONE : Failure.BREACHED);
  }
}
