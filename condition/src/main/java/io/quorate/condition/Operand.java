package io.quorate.condition;

/**
 * One side of a condition: a {@link Placeholder} ({@code [STATUS]}, {@code [BODY].a[0].b}), a function of a
 * placeholder ({@link FunctionCall}: {@code len(...)}, {@code has(...)}), a {@link Literal} ({@code 1000},
 * {@code 5m}, {@code "ok"}), or, on the right-hand side only, a {@link Glob} ({@code pat(run*)}) or an
 * {@link AnyOf} ({@code any(ok, healthy)}).
 */
public sealed interface Operand permits Placeholder, FunctionCall, Literal, Glob, AnyOf {

  /** The operand as it appears in a result line, e.g. {@code [BODY].enqueued} or {@code 1000}. */
  String text();

  /**
   * What the operand stands for in this response; a constant stands for itself. Never throws: problems are
   * {@link Value.Unavailable}.
   */
  Value resolve(ResponseView response);

  /** Whether the operand is read from the response, so a result line shows what was read. */
  default boolean isMeasured() {
    return false;
  }
}
