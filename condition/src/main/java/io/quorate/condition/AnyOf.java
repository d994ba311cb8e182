package io.quorate.condition;

import java.util.List;
import java.util.Objects;

/**
 * {@code any(ok, healthy)}: on the right-hand side of {@code ==} (one of them) or {@code !=} (none of them).
 * Number items compare as numbers, text items as text.
 *
 * @param text  as written, e.g. {@code any(200, 204)}
 * @param items the constants, at least one
 */
public record AnyOf(String text, List<Literal> items) implements Operand {
  public AnyOf {
    Objects.requireNonNull(text, "text");
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("any() needs at least one value");
    }
  }

  @Override
  public Value resolve(ResponseView response) {
    return new Value.Textual(text, false);
  }

  /** Whether every item is a number, so a value that is not one is a type mismatch rather than "no match". */
  public boolean allNumbers() {
    return items.stream().allMatch(Literal::isNumber);
  }
}
