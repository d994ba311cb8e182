package io.quorate.bench.probe;

import java.util.List;

/**
 * Samples read from a probe's {@code /metrics} (Prometheus text format), by the documented series names:
 * the benchmark reads the probe the way an operator would, not through its internals.
 */
final class MetricsText {
  private final List<String> lines;

  private MetricsText(List<String> lines) {
    this.lines = lines;
  }

  static MetricsText parse(String text) {
    return new MetricsText(text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList());
  }

  /**
   * The value of the first sample named {@code name} whose labels contain {@code labels} (e.g.
   * {@code quantile="0.99"}; empty for any); NaN when there is none.
   */
  double value(String name, String labels) {
    for (String line : lines) {
      if (!line.startsWith(name)) {
        continue;
      }
      String rest = line.substring(name.length());
      String labelPart = "";
      if (rest.startsWith("{")) {
        int end = rest.indexOf('}');
        labelPart = rest.substring(1, end);
        rest = rest.substring(end + 1);
      } else if (!rest.startsWith(" ")) {
        continue; // a longer name with the same prefix
      }
      if (labelPart.contains(labels)) {
        return Double.parseDouble(rest.strip().split("\\s+")[0]);
      }
    }
    return Double.NaN;
  }

  double value(String name) {
    return value(name, "");
  }
}
