package io.quorate.condition;

import io.quorate.condition.ConditionResult.Failure;
import java.util.Objects;
import java.util.OptionalDouble;

/** What an operand resolved to for one response: a number, a piece of text, or why there is no value. */
public sealed interface Value permits Value.Numeric, Value.Textual, Value.Unavailable {

  /**
   * The value as a number, if it is one. Text counts when it is a plain decimal ({@code "-3.5"}), a
   * percentage ({@code "3.5%"} is 0.035) or a duration ({@code "4m30s"} is 270 seconds). NaN is not a number.
   */
  OptionalDouble asNumber();

  /** The value as a person reads it inside a result line, e.g. {@code 5234} or {@code ok}. */
  String display();

  /** A number: the status code, a JSON number, a Prometheus sample (which may be NaN or ±Inf). */
  record Numeric(double number) implements Value {
    @Override
    public OptionalDouble asNumber() {
      return Double.isNaN(number) ? OptionalDouble.empty() : OptionalDouble.of(number);
    }

    @Override
    public String display() {
      return Numbers.format(number);
    }
  }

  /**
   * Text: a JSON string, a JSON literal such as {@code true}, a nested JSON object, a header or a plain-text
   * body.
   *
   * @param text   the text itself
   * @param quoted whether to quote it when naming it in a reason ({@code "abc" is not a number})
   */
  record Textual(String text, boolean quoted) implements Value {
    public Textual {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public OptionalDouble asNumber() {
      return Numbers.read(text);
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
   * @param failure the kind of problem, for callers that classify failed checks
   */
  record Unavailable(String subject, String reason, Failure failure) implements Value {
    public Unavailable {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(reason, "reason");
      if (failure == null || failure == Failure.NONE || failure == Failure.BREACHED) {
        throw new IllegalArgumentException("an unavailable value needs a failure such as FIELD_MISSING");
      }
    }

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
