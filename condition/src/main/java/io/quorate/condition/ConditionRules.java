package io.quorate.condition;

import java.util.function.Function;

/** What may face what across an operator; checked when parsing, so a monitor with a senseless condition is refused. */
final class ConditionRules {
  private ConditionRules() {
  }

  static void check(Operand left, Operator operator, Operand right, Function<String, ConditionSyntaxException> error) {
    if (left instanceof Glob || left instanceof AnyOf) {
      String example = left instanceof Glob ? "[BODY].state == pat(run*)" : "[BODY].status == any(ok, healthy)";
      throw error.apply(left.text() + " goes on the right-hand side, e.g. " + example);
    }
    if (!left.isMeasured() && !right.isMeasured()) {
      throw error.apply("compares two constants; one side must be a placeholder such as [STATUS] or "
          + "[BODY].enqueued");
    }
    if (operator.isOrdering()) {
      checkOrdering(left, operator, error);
      checkOrdering(right, operator, error);
    }
    checkFunction(left, right, error);
    checkFunction(right, left, error);
  }

  private static void checkOrdering(Operand side, Operator operator, Function<String, ConditionSyntaxException> error) {
    String quoted = "\"" + operator.symbol() + "\"";
    if (side instanceof Glob || side instanceof AnyOf) {
      throw error.apply(quoted + " cannot be used with " + side.text() + "; use == or !=");
    }
    if (side instanceof Literal literal && !literal.isNumber()) {
      throw error.apply(quoted + " compares numbers, but " + literal.text() + " is not a number");
    }
    if (isCall(side, FunctionCall.Function.HAS)) {
      throw error.apply(quoted + " compares numbers, but " + side.text() + " is true or false");
    }
  }

  private static void checkFunction(Operand call, Operand other, Function<String, ConditionSyntaxException> error) {
    if (isCall(call, FunctionCall.Function.HAS) && !isBoolean(other)) {
      throw error.apply(call.text() + " is true or false, so compare it with true or false, e.g. "
          + "has([BODY].errors) == false");
    }
    if (isCall(call, FunctionCall.Function.LEN) && other instanceof Literal literal && !literal.isNumber()) {
      throw error.apply(call.text() + " is a number, so compare it with a number rather than " + literal.text());
    }
  }

  private static boolean isCall(Operand operand, FunctionCall.Function function) {
    return operand instanceof FunctionCall call && call.function() == function;
  }

  private static boolean isBoolean(Operand operand) {
    return operand instanceof Literal literal && !literal.isNumber()
        && (literal.value().equals("true") || literal.value().equals("false"));
  }
}
