package io.quorate.condition;

/**
 * A condition that cannot be parsed. The message names the condition and the problem, e.g.
 * {@code condition "[BODY].x <<< 3": unknown operator "<<<"}, so it can be shown to the person who wrote it.
 */
public final class ConditionSyntaxException extends IllegalArgumentException {
  private final String condition;
  private final String problem;

  public ConditionSyntaxException(String condition, String problem) {
    super("condition \"" + condition + "\": " + problem);
    this.condition = condition;
    this.problem = problem;
  }

  /** The condition text as given. */
  public String condition() {
    return condition;
  }

  /** The problem alone, without the condition, e.g. {@code unknown operator "<<<"}. */
  public String problem() {
    return problem;
  }
}
