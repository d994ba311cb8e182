package io.quorate.condition;

import java.util.OptionalDouble;

/**
 * Turns {@code <operand> <operator> <operand>} into a {@link Condition}. The operator is the first run of
 * {@code < > = !} outside brackets and quotes; each side is then a placeholder, a number, a quoted string
 * or a bare word. Every problem becomes a {@link ConditionSyntaxException} that says what to fix.
 */
final class ConditionParser {
  private static final String OPERATOR_CHARS = "<>=!";
  private static final String NOT_IN_BARE_WORDS = "<>=[]\"";

  private final String text;

  private ConditionParser(String text) {
    this.text = text;
  }

  static Condition parse(String input) {
    String text = input == null ? "" : input.strip();
    return new ConditionParser(text).parse();
  }

  private Condition parse() {
    if (text.isEmpty()) {
      throw error("is empty; write e.g. [STATUS] == 200 or [BODY].enqueued < 1000");
    }
    int start = operatorStart();
    int end = start;
    while (end < text.length() && OPERATOR_CHARS.indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    String symbol = text.substring(start, end);
    Operator operator = Operator.fromSymbol(symbol)
        .orElseThrow(() -> error("unknown operator \"" + symbol + "\" (use one of " + Operator.ALL + ")"));
    String leftText = text.substring(0, start).strip();
    String rightText = text.substring(end).strip();
    if (leftText.isEmpty()) {
      throw error("nothing on the left of \"" + symbol + "\"");
    }
    if (rightText.isEmpty()) {
      throw error("nothing on the right of \"" + symbol + "\"");
    }
    Operand left = operand(leftText);
    Operand right = operand(rightText);
    check(left, operator, right);
    return new Condition(text, left, operator, right);
  }

  private void check(Operand left, Operator operator, Operand right) {
    if (!(left instanceof Placeholder) && !(right instanceof Placeholder)) {
      throw error("compares two constants; one side must be [STATUS], [RESPONSE_TIME] or [BODY]");
    }
    if (operator.isOrdering()) {
      for (Operand side : new Operand[] {left, right}) {
        if (side instanceof Literal literal && !literal.isNumber()) {
          throw error("\"" + operator.symbol() + "\" compares numbers, but " + literal.text() + " is not a number");
        }
      }
    }
  }

  /** Index of the first operator character outside [...] and "...". */
  private int operatorStart() {
    boolean quoted = false;
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && OPERATOR_CHARS.indexOf(c) >= 0) {
        return i;
      }
    }
    if (quoted) {
      throw error("missing closing quote");
    }
    if (depth > 0) {
      throw error("missing \"]\"");
    }
    throw error("missing operator (use one of " + Operator.ALL + ")");
  }

  private Operand operand(String operand) {
    if (operand.startsWith("[")) {
      return PlaceholderParser.parse(operand, this::error);
    }
    if (operand.startsWith("\"")) {
      return quoted(operand);
    }
    OptionalDouble number = Numbers.parse(operand);
    if (number.isPresent()) {
      return new Literal(operand, operand, number.getAsDouble());
    }
    for (char c : operand.toCharArray()) {
      if (NOT_IN_BARE_WORDS.indexOf(c) >= 0) {
        throw error("unexpected \"" + c + "\" in " + operand + " (put text in double quotes)");
      }
    }
    return new Literal(operand, operand, null);
  }

  private Literal quoted(String operand) {
    StringBuilder value = new StringBuilder();
    for (int i = 1; i < operand.length(); i++) {
      char c = operand.charAt(i);
      if (c == '\\' && i + 1 < operand.length()) {
        value.append(operand.charAt(++i));
      } else if (c == '"') {
        if (i != operand.length() - 1) {
          throw error("unexpected text after the closing quote: " + operand.substring(i + 1).strip());
        }
        return new Literal(operand, value.toString(), null);
      } else {
        value.append(c);
      }
    }
    throw error("missing closing quote in " + operand);
  }

  ConditionSyntaxException error(String problem) {
    return new ConditionSyntaxException(text, problem);
  }
}
