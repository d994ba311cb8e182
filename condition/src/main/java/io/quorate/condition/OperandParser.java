package io.quorate.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Reads one side of a condition (or a series expression): a placeholder, a function call, or a constant
 * (number, duration, percentage, quoted or bare text).
 */
final class OperandParser {
  private static final String NOT_IN_BARE_WORDS = "<>=[](){}\"";

  private final Function<String, ConditionSyntaxException> error;
  private final boolean millis;

  private OperandParser(boolean millis, Function<String, ConditionSyntaxException> error) {
    this.millis = millis;
    this.error = error;
  }

  /**
   * @param text   the operand, stripped and not empty
   * @param millis whether durations are read in milliseconds (facing [RESPONSE_TIME]) rather than seconds
   */
  static Operand parse(String text, boolean millis, Function<String, ConditionSyntaxException> error) {
    return new OperandParser(millis, error).operand(text);
  }

  private Operand operand(String text) {
    if (text.startsWith("[")) {
      return PlaceholderParser.parse(text, error);
    }
    int open = functionParenthesis(text);
    return open >= 0 ? call(text, open) : literal(text);
  }

  /** Where the '(' of {@code name(...)} is (spaces allowed before it), or -1 when text is not a call. */
  private static int functionParenthesis(String text) {
    int i = 0;
    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    if (i == 0 || !Character.isLetter(text.charAt(0))) {
      return -1;
    }
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i < text.length() && text.charAt(i) == '(' ? i : -1;
  }

  private Operand call(String text, int open) {
    String name = text.substring(0, open).strip();
    int close = TopLevel.closingParenthesis(text, open);
    if (close < 0) {
      throw error.apply("missing \")\" in " + text);
    }
    if (close != text.length() - 1) {
      String after = text.substring(close + 1).strip();
      throw error.apply("unexpected text after " + text.substring(0, close + 1) + ": " + after);
    }
    String inside = text.substring(open + 1, close).strip();
    return switch (name) {
      case "len" -> new FunctionCall(FunctionCall.Function.LEN, lengthArgument(inside));
      case "has" -> new FunctionCall(FunctionCall.Function.HAS, presenceArgument(inside));
      case "pat" -> glob(text, inside);
      case "any" -> anyOf(text, inside);
      default -> throw error.apply("unknown function " + name + "() (use len, has, pat or any; put text in double "
          + "quotes)");
    };
  }

  private Placeholder lengthArgument(String inside) {
    Placeholder argument = argument("len", inside);
    if (argument instanceof Placeholder.Body || argument instanceof Placeholder.Header) {
      return argument;
    }
    throw error.apply("len() takes [BODY], a [BODY] path or [HEADER].Name, not " + argument.text());
  }

  private Placeholder presenceArgument(String inside) {
    Placeholder argument = argument("has", inside);
    boolean bodyPath = argument instanceof Placeholder.Body body && !body.path().isEmpty();
    if (bodyPath || argument instanceof Placeholder.Header || argument instanceof Placeholder.Metric
        || argument instanceof Placeholder.CertificateExpiration) {
      return argument;
    }
    throw error.apply("has() takes a [BODY] path, [HEADER].Name, [METRIC].name or [CERTIFICATE_EXPIRATION], not "
        + argument.text());
  }

  private Placeholder argument(String function, String inside) {
    if (inside.isEmpty()) {
      throw error.apply(function + "() needs a placeholder, e.g. " + function + "([BODY].jobs)");
    }
    if (!inside.startsWith("[")) {
      throw error.apply(function + "() takes a placeholder such as [BODY].jobs, not " + inside);
    }
    return PlaceholderParser.parse(inside, error);
  }

  private Glob glob(String text, String inside) {
    if (inside.isEmpty()) {
      throw error.apply("pat() needs a pattern, e.g. pat(run*)");
    }
    return new Glob(text, inside.startsWith("\"") ? quoted(inside).value() : inside);
  }

  private AnyOf anyOf(String text, String inside) {
    if (inside.isEmpty()) {
      throw error.apply("any() needs at least one value, e.g. any(ok, healthy)");
    }
    List<Literal> items = new ArrayList<>();
    for (String raw : TopLevel.splitCommas(inside)) {
      String item = raw.strip();
      if (item.isEmpty()) {
        throw error.apply("empty value in " + text);
      }
      if (item.startsWith("[") || functionParenthesis(item) >= 0) {
        throw error.apply("any() takes constants, not " + item);
      }
      items.add(literal(item));
    }
    return new AnyOf(text, items);
  }

  private Literal literal(String text) {
    if (text.startsWith("\"")) {
      return quoted(text);
    }
    OptionalDouble number = Numbers.parse(text);
    if (number.isEmpty()) {
      number = Numbers.percent(text);
    }
    if (number.isPresent()) {
      return new Literal(text, text, number.getAsDouble());
    }
    Durations.Parsed duration = Durations.parse(text);
    if (duration.shaped()) {
      if (duration.problem() != null) {
        throw error.apply(duration.problem() + "; put text in double quotes");
      }
      return new Literal(text, text, millis ? duration.millis() : duration.millis() / 1000);
    }
    for (char c : text.toCharArray()) {
      if (NOT_IN_BARE_WORDS.indexOf(c) >= 0) {
        throw error.apply("unexpected \"" + c + "\" in " + text + " (put text in double quotes)");
      }
    }
    return new Literal(text, text, null);
  }

  private Literal quoted(String operand) {
    StringBuilder value = new StringBuilder();
    for (int i = 1; i < operand.length(); i++) {
      char c = operand.charAt(i);
      if (c == '\\' && i + 1 < operand.length()) {
        value.append(operand.charAt(++i));
      } else if (c == '"') {
        if (i != operand.length() - 1) {
          throw error.apply("unexpected text after the closing quote: " + operand.substring(i + 1).strip());
        }
        return new Literal(operand, value.toString(), null);
      } else {
        value.append(c);
      }
    }
    throw error.apply("missing closing quote in " + operand);
  }
}
