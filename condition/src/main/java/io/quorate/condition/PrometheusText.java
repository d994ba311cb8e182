package io.quorate.condition;

import io.quorate.condition.Placeholder.Label;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A body in the Prometheus text exposition format, read once into samples grouped by metric name. Comments
 * (including HELP, TYPE and OpenMetrics' EOF), blank lines, timestamps and exemplars are skipped; values may be
 * NaN or ±Inf. Any other line that is not a sample makes the whole body "not Prometheus text", so a JSON or
 * HTML body is never half-read as metrics.
 */
final class PrometheusText {
  /** One sample: its labels as alternating names and values, and its value. */
  record Sample(String[] labels, double value) {
    boolean matches(List<Label> wanted) {
      for (Label label : wanted) {
        if (!label.value().equals(labelValue(label.name()))) {
          return false;
        }
      }
      return true;
    }

    /** A label the sample does not have has the empty value, as in Prometheus itself. */
    private String labelValue(String name) {
      for (int i = 0; i < labels.length; i += 2) {
        if (labels[i].equals(name)) {
          return labels[i + 1];
        }
      }
      return "";
    }
  }

  /**
   * What a selector found.
   *
   * @param count how many samples matched
   * @param value the value of the last one (the one, when count is 1)
   */
  record Found(int count, double value) {
  }

  private final Map<String, List<Sample>> samples;

  private PrometheusText(Map<String, List<Sample>> samples) {
    this.samples = samples;
  }

  /** The samples of a body, or empty when it is blank or has a line that is neither comment nor sample. */
  static Optional<PrometheusText> parse(String body) {
    if (body.isBlank()) {
      return Optional.empty();
    }
    Map<String, List<Sample>> samples = new HashMap<>();
    int start = 0;
    while (start < body.length()) {
      int newline = body.indexOf('\n', start);
      int end = newline < 0 ? body.length() : newline;
      int lineEnd = end > start && body.charAt(end - 1) == '\r' ? end - 1 : end;
      if (!new PrometheusLine(body, start, lineEnd).read(samples)) {
        return Optional.empty();
      }
      start = end + 1;
    }
    return Optional.of(new PrometheusText(samples));
  }

  /** The samples of {@code name} that have every label given (a label given as "" matches its absence). */
  Found find(String name, List<Label> labels) {
    int count = 0;
    double value = Double.NaN;
    for (Sample sample : samples.getOrDefault(name, List.of())) {
      if (sample.matches(labels)) {
        count++;
        value = sample.value();
      }
    }
    return new Found(count, value);
  }

  static void add(Map<String, List<Sample>> samples, String name, List<String> labels, double value) {
    samples.computeIfAbsent(name, n -> new ArrayList<>(1)).add(new Sample(labels.toArray(String[]::new), value));
  }
}
