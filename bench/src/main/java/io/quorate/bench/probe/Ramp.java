package io.quorate.bench.probe;

import java.util.List;

/**
 * How a run starts: first only {@code percent} of the monitors for {@code ms}, then all of them. A JVM that
 * meets thousands of checks per second with cold (interpreted) code falls behind, its connection pool
 * grows to its limit, and on this machine it did not recover within ten seconds; a short ramp lets the JIT
 * compile the check path first, so the window measures the sustained rate the issue asks about. Baseline
 * and probe ramp alike. {@code percent} 0 or 100 means no ramp: everything from the start (a cold start).
 * Ramp monitors are the top of every hundred (index mod 100 ≥ 100 − percent), away from the hang set at the
 * bottom.
 */
record Ramp(int percent, long ms) {
  static final Ramp NONE = new Ramp(0, 0);

  Ramp {
    if (percent < 0 || percent > 100 || ms < 0) {
      throw new IllegalArgumentException("invalid ramp: " + percent + "% for " + ms + " ms");
    }
  }

  boolean active() {
    return percent > 0 && percent < 100 && ms > 0;
  }

  /** Whether monitor {@code index} runs from the start. */
  boolean first(int index) {
    return !active() || index % 100 >= 100 - percent;
  }

  int firstCount(int monitors) {
    int count = 0;
    for (int i = 0; i < monitors; i++) {
      count += first(i) ? 1 : 0;
    }
    return count;
  }

  List<String> asArgs() {
    return List.of("--ramp-percent", Integer.toString(percent), "--ramp-ms", Long.toString(ms));
  }
}
