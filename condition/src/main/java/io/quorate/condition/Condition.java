package io.quorate.condition;

import io.quorate.condition.ConditionResult.Failure;
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
    Map<String, Double> values = new LinkedHashMap<>(4);
    measure(left, l, values);
    measure(right, r, values);
    if (l instanceof Value.Unavailable missing) {
      return new ConditionResult(text, false, missing.display(), values, missing.failure());
    }
    if (r instanceof Value.Unavailable missing) {
      return new ConditionResult(text, false, missing.display(), values, missing.failure());
    }
    if (right instanceof Glob glob) {
      return compared(glob.matches(textOf(l)) == (operator == Operator.EQUAL), l, r, values);
    }
    if (right instanceof AnyOf any) {
      return anyOf(any, l, r, values);
    }
    return compare(l, r, values);
  }

  private ConditionResult compare(Value l, Value r, Map<String, Double> values) {
    OptionalDouble a = l.asNumber();
    OptionalDouble b = r.asNumber();
    if (!comparesNumbers(a, b)) {
      return compared(operator.test(textOf(l), textOf(r)), l, r, values);
    }
    if (a.isEmpty()) {
      return notANumber(left, l, values);
    }
    if (b.isEmpty()) {
      return notANumber(right, r, values);
    }
    return compared(operator.test(a.getAsDouble(), b.getAsDouble()), l, r, values);
  }

  /**
   * Numbers compare as numbers: always for {@code <} and friends, whenever a side is a number literal, and
   * between two measured values that both read as numbers.
   */
  private boolean comparesNumbers(OptionalDouble a, OptionalDouble b) {
    if (operator.isOrdering() || isNumberLiteral(left) || isNumberLiteral(right)) {
      return true;
    }
    return left.isMeasured() && right.isMeasured() && a.isPresent() && b.isPresent();
  }

  /** One item matching passes {@code ==}; none matching passes {@code !=}. */
  private ConditionResult anyOf(AnyOf any, Value l, Value r, Map<String, Double> values) {
    OptionalDouble number = l.asNumber();
    if (any.allNumbers() && number.isEmpty()) {
      return notANumber(left, l, values);
    }
    String text = textOf(l);
    boolean found = false;
    for (Literal item : any.items()) {
      found |= item.isNumber()
          ? number.isPresent() && number.getAsDouble() == item.number()
          : item.value().equals(text);
    }
    return compared(found == (operator == Operator.EQUAL), l, r, values);
  }

  private static boolean isNumberLiteral(Operand operand) {
    return operand instanceof Literal literal && literal.isNumber();
  }

  /** Records what a placeholder or len() read, when it is a finite number (NaN and ±Inf do not chart). */
  private static void measure(Operand operand, Value value, Map<String, Double> values) {
    if (operand.isMeasured()) {
      OptionalDouble number = value.asNumber();
      if (number.isPresent() && Double.isFinite(number.getAsDouble())) {
        values.put(operand.text(), number.getAsDouble());
      }
    }
  }

  /** The full text a comparison or pattern sees: a JSON string as it is, a number as a result line shows it. */
  private static String textOf(Value value) {
    return value instanceof Value.Textual textual ? textual.text() : value.display();
  }

  private ConditionResult notANumber(Operand operand, Value value, Map<String, Double> values) {
    String described = value instanceof Value.Textual textual ? textual.describe() : value.display();
    String line = operand.text() + ": " + described + " is not a number";
    return new ConditionResult(text, false, line, values, Failure.TYPE_MISMATCH);
  }

  private ConditionResult compared(boolean success, Value l, Value r, Map<String, Double> values) {
    String verdict = success ? " — passed" : " — failed";
    String line = side(left, l) + " " + operator.symbol() + " " + side(right, r) + verdict;
    return new ConditionResult(text, success, line, values, success ? Failure.NONE : Failure.BREACHED);
  }

  /** A measured side shows what was read: {@code [BODY].enqueued (5234)}; a constant shows as written. */
  private static String side(Operand operand, Value value) {
    return operand.isMeasured() ? operand.text() + " (" + value.display() + ")" : operand.text();
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
