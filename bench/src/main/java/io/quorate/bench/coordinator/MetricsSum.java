package io.quorate.bench.coordinator;

/**
 * The coordinator's counters as an operator reads them from {@code /metrics} (Prometheus text): the sum of
 * one series over all its labels, e.g. {@code quorate_observations_total} over every region.
 */
final class MetricsSum {
  private MetricsSum() {
  }

  /** The sum of every sample named exactly {@code name}; NaN when there is none. */
  static double of(String text, String name) {
    double sum = 0;
    boolean found = false;
    for (String line : text.lines().toList()) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      String rest = line.substring(name.length());
      if (rest.startsWith("{")) {
        rest = rest.substring(rest.indexOf('}') + 1);
      } else if (!rest.startsWith(" ")) {
        continue; // a longer name with the same prefix
      }
      sum += Double.parseDouble(rest.strip().split("\\s+")[0]);
      found = true;
    }
    return found ? sum : Double.NaN;
  }
}
