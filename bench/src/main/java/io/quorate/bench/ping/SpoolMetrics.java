package io.quorate.bench.ping;

import io.quorate.bench.support.Control;
import io.quorate.bench.support.Result;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The probe's own view of its group commits, from its /metrics: how long a write and fsync takes and how
 * many pings share one. These explain the latency figures (a 200 waits for one or two commits).
 */
final class SpoolMetrics {
  private SpoolMetrics() {
  }

  static Result scrape(String metricsUrl) {
    String text = Control.get(metricsUrl);
    return new Result()
        .put("commit_p50_ms", 1000 * quantile(text, "quorate_probe_spool_commit_seconds", "0.5"))
        .put("commit_p99_ms", 1000 * quantile(text, "quorate_probe_spool_commit_seconds", "0.99"))
        .put("events_per_commit_p50", quantile(text, "quorate_probe_spool_commit_events", "0.5"));
  }

  /** Sum of {@code quorate_probe_pings_total} over every result. */
  static long pingsAnswered(String metricsUrl) {
    return sumOfPings(Control.get(metricsUrl));
  }

  static long sumOfPings(String text) {
    Matcher value = Pattern.compile("(?m)^quorate_probe_pings_total\\{[^}]*\\} (\\S+)$").matcher(text);
    double total = 0;
    while (value.find()) {
      total += Double.parseDouble(value.group(1));
    }
    return (long) total;
  }

  static double quantile(String text, String series, String quantile) {
    Matcher value = Pattern.compile("(?m)^" + series + "\\{quantile=\"" + Pattern.quote(quantile) + "\"\\} (\\S+)$")
        .matcher(text);
    return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
  }
}
