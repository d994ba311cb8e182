package io.quorate.condition;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A comparison between two operands. */
public enum Operator {
  EQUAL("=="),
  NOT_EQUAL("!="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  GREATER(">"),
  GREATER_OR_EQUAL(">=");

  /** The operators as a person would list them: {@code ==, !=, <, <=, >, >=}. */
  static final String ALL = Arrays.stream(values()).map(Operator::symbol).collect(Collectors.joining(", "));

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether the operator only makes sense between numbers. */
  public boolean isOrdering() {
    return this != EQUAL && this != NOT_EQUAL;
  }

  static Optional<Operator> fromSymbol(String symbol) {
    return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst();
  }

  boolean test(double left, double right) {
    return switch (this) {
      case EQUAL -> left == right;
      case NOT_EQUAL -> left != right;
      case LESS -> left < right;
      case LESS_OR_EQUAL -> left <= right;
      case GREATER -> left > right;
      case GREATER_OR_EQUAL -> left >= right;
    };
  }

  boolean test(String left, String right) {
    return switch (this) {
      case EQUAL -> left.equals(right);
      case NOT_EQUAL -> !left.equals(right);
      default -> throw new IllegalStateException(symbol + " does not compare text");
    };
  }

  @Override
  public String toString() {
    return symbol;
  }
}
