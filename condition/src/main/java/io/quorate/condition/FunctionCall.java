package io.quorate.condition;

import io.quorate.condition.ConditionResult.Failure;
import java.util.Objects;

/**
 * A function of a placeholder: {@code len([BODY].jobs)} or {@code has([BODY].errors)}.
 *
 * @param function which function
 * @param argument the placeholder it reads
 */
public record FunctionCall(Function function, Placeholder argument) implements Operand {

  /** The functions that read a placeholder; pat() and any() are constants instead ({@link Glob}, {@link AnyOf}). */
  public enum Function {
    /**
     * Elements of a JSON array or object, characters of a JSON string or header, or of the body as text
     * ({@code len([BODY])} counts a top-level JSON array's elements). Fails closed like any placeholder.
     */
    LEN("len"),
    /** {@code true} or {@code false}: whether the field, header, metric or certificate is there. Never fails. */
    HAS("has");

    private final String word;

    Function(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  public FunctionCall {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(argument, "argument");
  }

  @Override
  public String text() {
    return function.word + "(" + argument.text() + ")";
  }

  @Override
  public boolean isMeasured() {
    return true;
  }

  @Override
  public Value resolve(ResponseView response) {
    if (function == Function.HAS) {
      return new Value.Textual(argument.exists(response) ? "true" : "false", false);
    }
    if (argument instanceof Placeholder.Body body) {
      return body.path().isEmpty() ? new Value.Numeric(bodyLength(response)) : length(body.select(response));
    }
    Value value = argument.resolve(response);
    return value instanceof Value.Textual textual ? new Value.Numeric(Texts.length(textual.text())) : value;
  }

  private Value length(Object selected) {
    if (selected instanceof Value.Unavailable missing) {
      return missing;
    }
    int length = JsonValues.length(selected);
    return length >= 0 ? new Value.Numeric(length) : new Value.Unavailable(text(),
        JsonValues.encode(selected) + " is not an array, object or text", Failure.TYPE_MISMATCH);
  }

  /** A JSON array or object body counts its elements; any other body counts its characters. */
  private static int bodyLength(ResponseView response) {
    String body = response.response().body().strip();
    if (body.startsWith("[") || body.startsWith("{")) {
      Object json = response.json().orElse(null);
      if (json != null) {
        return JsonValues.length(json);
      }
    }
    return Texts.length(body);
  }
}
