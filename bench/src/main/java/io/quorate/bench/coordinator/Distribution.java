package io.quorate.bench.coordinator;

import io.quorate.bench.support.Result;
import java.util.List;

/**
 * Percentiles of a small sample (a few hundred times to incident) by nearest rank, exact to the
 * microsecond: a p99 of 200 values is the 198th smallest, so it is a value that was actually measured.
 */
final class Distribution {
  private Distribution() {
  }

  /** The nearest-rank percentile {@code p} (0 < p <= 100) of the finite values; NaN when there are none. */
  static double percentile(List<Double> values, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    double[] sorted = values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }

  /** Adds {@code <prefix>count}, {@code _p50_ms}, {@code _p99_ms} and {@code _max_ms}. */
  static void describe(List<Double> millis, String prefix, Result into) {
    into.put(prefix + "count", millis.stream().filter(Double::isFinite).count());
    into.put(prefix + "p50_ms", percentile(millis, 50));
    into.put(prefix + "p99_ms", percentile(millis, 99));
    into.put(prefix + "max_ms", percentile(millis, 100));
  }
}
