package io.quorate.condition;

import java.util.OptionalDouble;

/** What an operand resolved to for one response: a number, a piece of text, or why there is no value. */
public sealed interface Value permits Value.Numeric, Value.Textual, Value.Unavailable {

  /** The value as a number, if it is one. Text counts when it is a plain decimal such as {@code "-3.5"}. */
  OptionalDouble asNumber();

  /** The value as a person reads it inside a result line, e.g. {@code 5234} or {@code ok}. */
  String display();

  /** A number, e.g. the status code or a JSON number. */
  record Numeric(double number) implements Value {
    @Override
    public OptionalDouble asNumber() {
      return OptionalDouble.of(number);
    }

    @Override
    public String display() {
      return Numbers.format(number);
    }
  }

  /**
   * Text: a JSON string, a JSON literal such as {@code true}, a nested JSON object, or a plain-text body.
   *
   * @param text   the text itself
   * @param quoted whether to quote it when naming it in a reason ({@code "abc" is not a number})
   */
  record Textual(String text, boolean quoted) implements Value {
    @Override
    public OptionalDouble asNumber() {
      return Numbers.parse(text.trim());
    }

    @Override
    public String display() {
      return Texts.abbreviate(text);
    }

    /** The value as named in a reason: JSON strings and plain text quoted, JSON literals as they are. */
    public String describe() {
      return quoted ? Texts.quote(display()) : display();
    }
  }

  /**
   * No value, and why.
   *
   * @param subject what has no value, e.g. {@code [BODY].enqueued}, or {@code [BODY]} when it is not JSON
   * @param reason  e.g. {@code field missing} or {@code not JSON}
   */
  record Unavailable(String subject, String reason) implements Value {
    @Override
    public OptionalDouble asNumber() {
      return OptionalDouble.empty();
    }

    @Override
    public String display() {
      return subject + ": " + reason;
    }
  }
}
