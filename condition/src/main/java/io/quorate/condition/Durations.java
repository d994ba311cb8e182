package io.quorate.condition;

/**
 * Durations such as {@code 5m}, {@code 90s}, {@code 1h30m}, {@code 250ms}, {@code 2d} or {@code 1.5h}: one or
 * more runs of a decimal and a unit, optionally after a minus sign. Units are ms, s, m, h and d.
 */
final class Durations {
  static final String UNITS = "ms, s, m, h or d";

  private Durations() {
  }

  /**
   * The outcome of reading a duration.
   *
   * @param millis  the duration in milliseconds when valid
   * @param shaped  whether the text has the shape of a duration (numbers each followed by letters), so a
   *                condition literal like {@code 5min} is an error rather than text
   * @param problem what is wrong when shaped but not valid, else {@code null}
   */
  record Parsed(double millis, boolean shaped, String problem) {
    boolean valid() {
      return shaped && problem == null;
    }
  }

  private static final Parsed NOT_A_DURATION = new Parsed(0, false, null);

  static Parsed parse(String text) {
    int i = text.startsWith("-") ? 1 : 0;
    if (i >= text.length() || !startsNumber(text.charAt(i))) {
      return NOT_A_DURATION;
    }
    double total = 0;
    String problem = null;
    while (i < text.length()) {
      int numberStart = i;
      while (i < text.length() && (Numbers.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      int unitStart = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (unitStart == numberStart || unitStart == i) {
        return NOT_A_DURATION;
      }
      String unit = text.substring(unitStart, i);
      double perUnit = millisPer(unit);
      if (!Numbers.isDecimal(text, numberStart, unitStart)) {
        return NOT_A_DURATION;
      }
      if (perUnit == 0 && problem == null) {
        problem = "unknown duration unit \"" + unit + "\" in " + text + " (use " + UNITS + ")";
      }
      total += Double.parseDouble(text.substring(numberStart, unitStart)) * perUnit;
    }
    return new Parsed(text.startsWith("-") ? -total : total, true, problem);
  }

  private static boolean startsNumber(char c) {
    return Numbers.isDigit(c) || c == '.';
  }

  private static double millisPer(String unit) {
    return switch (unit) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      case "h" -> 3_600_000;
      case "d" -> 86_400_000;
      default -> 0;
    };
  }
}
