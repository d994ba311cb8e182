package io.quorate.bench.support;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Start lateness in milliseconds, recorded from any thread without locks (an HdrHistogram {@link Recorder});
 * {@link #window()} hands over everything recorded since the previous call, so a measurement window starts
 * clean without stopping the writers.
 */
public final class Latencies {
  private final Recorder recorder = new Recorder(3);

  public void record(long millis) {
    recorder.recordValue(Math.max(0, millis));
  }

  /** What was recorded since the last call (the first call: since creation). */
  public Histogram window() {
    return recorder.getIntervalHistogram();
  }

  /** Adds {@code <prefix>count}, {@code _p50_ms}, {@code _p99_ms} and {@code _max_ms}; NaN when empty. */
  public static void describe(Histogram histogram, String prefix, Result into) {
    boolean empty = histogram.getTotalCount() == 0;
    into.put(prefix + "count", histogram.getTotalCount());
    into.put(prefix + "p50_ms", empty ? Double.NaN : histogram.getValueAtPercentile(50));
    into.put(prefix + "p99_ms", empty ? Double.NaN : histogram.getValueAtPercentile(99));
    into.put(prefix + "max_ms", empty ? Double.NaN : histogram.getMaxValue());
  }
}
