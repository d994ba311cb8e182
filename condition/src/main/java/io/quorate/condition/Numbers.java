package io.quorate.condition;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * Reading and writing numbers the same way in conditions, bodies and result lines. Hand-written scanners
 * rather than regular expressions: text values are read on every check run, thousands of times a second.
 */
final class Numbers {
  private Numbers() {
  }

  /** A plain decimal such as {@code 42}, {@code -3.5}, {@code .5} or {@code 1e3}; never hex, NaN or Infinity. */
  static OptionalDouble parse(String text) {
    if (text == null || !isDecimal(text, 0, text.length())) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(text);
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /**
   * A value held as text, as a number: a plain decimal ({@code "12"}, as SQS sends counts), a percentage
   * ({@code "3.5%"} is 0.035) or a duration ({@code "4m30s"} is 270 seconds).
   */
  static OptionalDouble read(String text) {
    String value = text.strip();
    OptionalDouble decimal = parse(value);
    if (decimal.isPresent() || value.isEmpty()) {
      return decimal;
    }
    OptionalDouble percent = percent(value);
    if (percent.isPresent()) {
      return percent;
    }
    Durations.Parsed duration = Durations.parse(value);
    return duration.valid() ? OptionalDouble.of(duration.millis() / 1000) : OptionalDouble.empty();
  }

  /** {@code 5%} as 0.05, or empty when the text is not a decimal followed by {@code %}. */
  static OptionalDouble percent(String text) {
    int end = text.length() - 1;
    if (end < 1 || text.charAt(end) != '%' || !isDecimal(text, 0, end)) {
      return OptionalDouble.empty();
    }
    // Shift the decimal point exactly, so 3.5% is the double nearest 0.035 rather than 3.5 / 100.
    double value = new BigDecimal(text.substring(0, end)).movePointLeft(2).doubleValue();
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /** Whether {@code text[from, to)} is {@code [-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?}. */
  static boolean isDecimal(String text, int from, int to) {
    int i = from;
    if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < to && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < to && text.charAt(i) == '.') {
      i++;
      while (i < to && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponent = i;
      while (i < to && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == exponent) {
        return false;
      }
    }
    return i == to;
  }

  /** ASCII digits only: {@link Character#isDigit} also accepts digits of other scripts. */
  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * {@code 5234} rather than {@code 5234.0}; {@code 0.25} rather than {@code 2.5E-1}; {@code NaN}, {@code +Inf}
   * and {@code -Inf} as Prometheus writes them.
   */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    if (Math.abs(value) >= 1e15 || Math.abs(value) < 1e-6) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
