package io.quorate.condition;

import java.math.BigDecimal;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Reading and writing numbers the same way in conditions, bodies and result lines. */
final class Numbers {
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  private Numbers() {
  }

  /** A plain decimal such as {@code 42}, {@code -3.5}, {@code .5} or {@code 1e3}; never hex, NaN or Infinity. */
  static OptionalDouble parse(String text) {
    if (text == null || !DECIMAL.matcher(text).matches()) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(text);
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /** {@code 5234} rather than {@code 5234.0}; {@code 0.25} rather than {@code 2.5E-1}. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    if (Math.abs(value) >= 1e15 || Math.abs(value) < 1e-6) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
