package io.quorate.bench.support;

import java.util.List;
import java.util.Locale;

/** Medians over rounds and ratios against the baseline: the machine is shared, so single runs mean little. */
public final class Stats {
  private Stats() {
  }

  /** The median of the finite values (mean of the middle two for an even count); NaN when there are none. */
  public static double median(List<Double> values) {
    double[] finite = values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).sorted().toArray();
    if (finite.length == 0) {
      return Double.NaN;
    }
    int middle = finite.length / 2;
    return finite.length % 2 == 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
  }

  /** The median of one figure over several runs' results. */
  public static double median(List<Result> results, String key) {
    return median(results.stream().map(result -> result.number(key)).toList());
  }

  /** {@code value / base}; NaN when either is missing or the base is 0. */
  public static double ratio(double value, double base) {
    return Double.isFinite(value) && Double.isFinite(base) && base != 0 ? value / base : Double.NaN;
  }

  /** A figure for a table: {@code -} when missing, else with {@code decimals} places and thousands separators. */
  public static String format(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  /** A ratio as {@code 0.98x}. */
  public static String times(double ratio) {
    return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2fx", ratio) : "-";
  }
}
