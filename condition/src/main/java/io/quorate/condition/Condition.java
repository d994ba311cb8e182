package io.quorate.condition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One parsed condition, such as {@code [BODY].enqueued < 1000}: two operands and a comparison.
 *
 * <p>Conditions fail closed: a missing field, a body that is not JSON, or text where a number is needed
 * makes the condition fail with a reason ({@code [BODY].enqueued: field missing}); nothing missing is ever
 * read as 0 or as a pass. Immutable and thread-safe.
 */
public final class Condition {
  private final String text;
  private final Operand left;
  private final Operator operator;
  private final Operand right;

  Condition(String text, Operand left, Operator operator, Operand right) {
    this.text = Objects.requireNonNull(text);
    this.left = Objects.requireNonNull(left);
    this.operator = Objects.requireNonNull(operator);
    this.right = Objects.requireNonNull(right);
  }

  /**
   * Parses a condition.
   *
   * @throws ConditionSyntaxException naming the condition and the problem when the text is not a condition
   */
  public static Condition parse(String text) {
    return ConditionParser.parse(text);
  }

  /** The condition as given, without surrounding whitespace. */
  public String text() {
    return text;
  }

  public Operand left() {
    return left;
  }

  public Operator operator() {
    return operator;
  }

  public Operand right() {
    return right;
  }

  /** Evaluates against one response. For several conditions on one response use {@link Conditions}. */
  public ConditionResult evaluate(CheckResponse response) {
    return evaluate(ResponseView.of(response));
  }

  /** Evaluates against a view that may be shared with other conditions, so the body is parsed once. */
  public ConditionResult evaluate(ResponseView response) {
    Value l = left.resolve(response);
    Value r = right.resolve(response);
    Map<String, Double> values = new LinkedHashMap<>();
    measure(left, l, values);
    measure(right, r, values);
    if (l instanceof Value.Unavailable missing) {
      return failed(missing.display(), values);
    }
    if (r instanceof Value.Unavailable missing) {
      return failed(missing.display(), values);
    }
    if (!comparesNumbers(l, r)) {
      return compared(operator.test(textOf(l), textOf(r)), l, r, values);
    }
    OptionalDouble a = l.asNumber();
    OptionalDouble b = r.asNumber();
    if (a.isEmpty()) {
      return failed(notANumber(left, l), values);
    }
    if (b.isEmpty()) {
      return failed(notANumber(right, r), values);
    }
    return compared(operator.test(a.getAsDouble(), b.getAsDouble()), l, r, values);
  }

  /** Numbers compare as numbers: always for {@code <} and friends, and whenever a side is a number literal. */
  private boolean comparesNumbers(Value l, Value r) {
    if (operator.isOrdering() || isNumberLiteral(left) || isNumberLiteral(right)) {
      return true;
    }
    return left instanceof Placeholder && right instanceof Placeholder
        && l.asNumber().isPresent() && r.asNumber().isPresent();
  }

  private static boolean isNumberLiteral(Operand operand) {
    return operand instanceof Literal literal && literal.isNumber();
  }

  private static void measure(Operand operand, Value value, Map<String, Double> values) {
    if (operand instanceof Placeholder) {
      value.asNumber().ifPresent(number -> values.put(operand.text(), number));
    }
  }

  private static String textOf(Value value) {
    return value instanceof Value.Textual textual ? textual.text() : value.display();
  }

  private static String notANumber(Operand operand, Value value) {
    String described = value instanceof Value.Textual textual ? textual.describe() : value.display();
    return operand.text() + ": " + described + " is not a number";
  }

  private ConditionResult compared(boolean success, Value l, Value r, Map<String, Double> values) {
    String line = side(left, l) + " " + operator.symbol() + " " + side(right, r) + (success ? ": passed" : ": failed");
    return new ConditionResult(text, success, line, values);
  }

  private static String side(Operand operand, Value value) {
    return operand instanceof Placeholder ? operand.text() + " (" + value.display() + ")" : operand.text();
  }

  private ConditionResult failed(String line, Map<String, Double> values) {
    return new ConditionResult(text, false, line, values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Condition that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
