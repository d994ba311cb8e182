package io.quorate.condition;

import java.util.Objects;

/**
 * A constant side of a condition.
 *
 * @param text   as written, e.g. {@code -1.5}, {@code 5m}, {@code 5%}, {@code ok} or {@code "all good"}
 * @param value  the text without quotes
 * @param number the value when it is an unquoted number, else {@code null}; a number is always compared as a
 *               number, never as text. A duration is already in the unit of the other side (milliseconds
 *               against {@code [RESPONSE_TIME]}, else seconds), a percentage already divided by 100.
 */
public record Literal(String text, String value, Double number) implements Operand {
  public Literal {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(value, "value");
  }

  public boolean isNumber() {
    return number != null;
  }

  @Override
  public Value resolve(ResponseView response) {
    return number != null ? new Value.Numeric(number) : new Value.Textual(value, true);
  }
}
