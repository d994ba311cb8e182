package io.quorate.condition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Named values a monitor keeps with every observation, for charts and trends: {@code depth ->
 * [BODY].sidekiq.enqueued}, {@code oldest_job_age -> [BODY].sidekiq.default_latency}. Each expression is a
 * placeholder or {@code len(...)}, read exactly as a condition reads it. A value that is missing or not a number
 * is left out of that run's series; series never fail a check (conditions do that). Immutable and thread-safe.
 */
public final class Series {
  /** No series. */
  public static final Series EMPTY = new Series(Map.of(), Map.of());

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  private final Map<String, String> expressions;
  private final Map<String, Operand> operands;

  private Series(Map<String, String> expressions, Map<String, Operand> operands) {
    this.expressions = expressions;
    this.operands = operands;
  }

  /**
   * Parses named expressions, keeping their order.
   *
   * @param expressions name to expression, e.g. {@code "depth" -> "[BODY].enqueued"}; null or empty for none
   * @throws ConditionSyntaxException naming the series ({@code series "depth": ...}) when a name or expression
   *                                  is not valid
   */
  public static Series parse(Map<String, String> expressions) {
    if (expressions == null || expressions.isEmpty()) {
      return EMPTY;
    }
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Operand> operands = new LinkedHashMap<>();
    expressions.forEach((name, expression) -> {
      String text = expression == null ? "" : expression.strip();
      operands.put(name, operand(name, text));
      texts.put(name, text);
    });
    return new Series(Collections.unmodifiableMap(texts), Collections.unmodifiableMap(operands));
  }

  private static Operand operand(String name, String text) {
    Function<String, ConditionSyntaxException> error = problem -> ConditionSyntaxException.inSeries(
        String.valueOf(name), text, problem);
    if (name == null || !NAME.matcher(name).matches()) {
      throw error.apply("a series name is a lowercase letter, then up to 39 lowercase letters, digits or _");
    }
    if (text.isEmpty()) {
      throw error.apply("is empty; give a value such as [BODY].enqueued or len([BODY].jobs)");
    }
    if (TopLevel.operatorStart(text, error) >= 0) {
      throw error.apply(text + " is a condition; a series is only the value, such as [BODY].enqueued");
    }
    Operand operand = OperandParser.parse(text, false, error);
    if (operand instanceof FunctionCall call && call.function() == FunctionCall.Function.HAS) {
      throw error.apply(text + " is true or false, not a number; use a placeholder or len()");
    }
    if (!operand.isMeasured()) {
      throw error.apply(text + " is a constant; use a placeholder such as [BODY].enqueued or len([BODY].jobs)");
    }
    return operand;
  }

  /** The expressions as given (stripped), by name, in order. */
  public Map<String, String> expressions() {
    return expressions;
  }

  /** The finite numeric values of this response, by name; absent where the value is missing or not a number. */
  public Map<String, Double> measure(CheckResponse response) {
    return measure(ResponseView.of(response));
  }

  /** As {@link #measure(CheckResponse)}, on a view shared with the conditions so the body is parsed once. */
  public Map<String, Double> measure(ResponseView response) {
    if (operands.isEmpty()) {
      return Map.of();
    }
    Map<String, Double> values = new LinkedHashMap<>();
    operands.forEach((name, operand) -> {
      OptionalDouble number = operand.resolve(response).asNumber();
      if (number.isPresent() && Double.isFinite(number.getAsDouble())) {
        values.put(name, number.getAsDouble());
      }
    });
    return Collections.unmodifiableMap(values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Series that && expressions.equals(that.expressions);
  }

  @Override
  public int hashCode() {
    return expressions.hashCode();
  }

  @Override
  public String toString() {
    return expressions.toString();
  }
}
