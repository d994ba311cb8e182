package io.quorate.condition;

/**
 * One side of a condition. Today a {@link Placeholder} ({@code [STATUS]}, {@code [BODY].a[0].b}) or a
 * {@link Literal} ({@code 1000}, {@code "ok"}); functions such as Gatus's {@code len(...)} would become a
 * third kind that wraps a placeholder.
 */
public sealed interface Operand permits Placeholder, Literal {

  /** The operand as it appears in a result line, e.g. {@code [BODY].enqueued} or {@code 1000}. */
  String text();

  /** What the operand stands for in this response. Never throws: problems are {@link Value.Unavailable}. */
  Value resolve(ResponseView response);
}
