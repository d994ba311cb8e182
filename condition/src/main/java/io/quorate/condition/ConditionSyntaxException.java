package io.quorate.condition;

import java.util.Optional;

/**
 * A condition or series expression that cannot be parsed. The message names it and the problem, e.g.
 * {@code condition "[BODY].x <<< 3": unknown operator "<<<"} or {@code series "depth": unknown placeholder
 * [FOO] (...)}, so it can be shown to the person who wrote it.
 */
public final class ConditionSyntaxException extends IllegalArgumentException {
  private final String condition;
  private final String problem;
  private final String series;

  public ConditionSyntaxException(String condition, String problem) {
    this(condition, problem, null, "condition \"" + condition + "\": " + problem);
  }

  private ConditionSyntaxException(String condition, String problem, String series, String message) {
    super(message);
    this.condition = condition;
    this.problem = problem;
    this.series = series;
  }

  /** A problem with the expression of a named series: the message is {@code series "<name>": <problem>}. */
  public static ConditionSyntaxException inSeries(String name, String expression, String problem) {
    return new ConditionSyntaxException(expression, problem, name, "series \"" + name + "\": " + problem);
  }

  /** The condition text (or series expression) as given. */
  public String condition() {
    return condition;
  }

  /** The problem alone, without the condition, e.g. {@code unknown operator "<<<"}. */
  public String problem() {
    return problem;
  }

  /** The name of the series whose expression this is about; empty for a condition. */
  public Optional<String> series() {
    return Optional.ofNullable(series);
  }
}
