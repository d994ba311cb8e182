package io.quorate.condition;

import java.util.function.Function;

/**
 * Turns {@code <operand> <operator> <operand>} into a {@link Condition}. The operator is the first run of
 * {@code < > = !} at the top level (outside quotes and brackets); each side is then parsed by
 * {@link OperandParser} and the pair checked by {@link ConditionRules}. Every problem becomes a
 * {@link ConditionSyntaxException} that says what to fix.
 */
final class ConditionParser {
  private ConditionParser() {
  }

  static Condition parse(String input) {
    String text = input == null ? "" : input.strip();
    Function<String, ConditionSyntaxException> error = problem -> new ConditionSyntaxException(text, problem);
    if (text.isEmpty()) {
      throw error.apply("is empty; write e.g. [STATUS] == 200 or [BODY].enqueued < 1000");
    }
    int start = TopLevel.operatorStart(text, error);
    if (start < 0) {
      throw error.apply("missing operator (use one of " + Operator.ALL + ")");
    }
    int end = start;
    while (end < text.length() && TopLevel.OPERATOR_CHARS.indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    String symbol = text.substring(start, end);
    Operator operator = Operator.fromSymbol(symbol)
        .orElseThrow(() -> error.apply("unknown operator \"" + symbol + "\" (use one of " + Operator.ALL + ")"));
    String leftText = text.substring(0, start).strip();
    String rightText = text.substring(end).strip();
    if (leftText.isEmpty()) {
      throw error.apply("nothing on the left of \"" + symbol + "\"");
    }
    if (rightText.isEmpty()) {
      throw error.apply("nothing on the right of \"" + symbol + "\"");
    }
    Operand left = OperandParser.parse(leftText, false, error);
    Operand right = OperandParser.parse(rightText, inMilliseconds(left), error);
    if (inMilliseconds(right)) {
      // A duration is read in the unit of the placeholder facing it, which may come second: 250ms < [RESPONSE_TIME].
      left = OperandParser.parse(leftText, true, error);
    }
    ConditionRules.check(left, operator, right, error);
    return new Condition(text, left, operator, right);
  }

  private static boolean inMilliseconds(Operand operand) {
    return operand instanceof Placeholder placeholder && placeholder.inMilliseconds();
  }
}
