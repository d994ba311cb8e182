package io.quorate.bench.ping;

import io.quorate.bench.support.Result;
import io.quorate.bench.support.Stats;
import io.quorate.bench.support.TextTable;
import java.util.List;

/** The tables at the end of a run: medians over rounds, and the sums that must be zero. */
final class PingReport {
  private PingReport() {
  }

  static String render(List<Result> rounds, List<Result> bursts, long duplicates) {
    double bareRate = Stats.median(rounds, "bare_rate");
    double probeRate = Stats.median(rounds, "probe_rate");
    TextTable throughput = new TextTable("", "pings/s (2xx)", "p50 ms", "p99 ms", "p99.9 ms", "errors", "lost");
    throughput.row("bare Vert.x server", f(bareRate, 0), f(Stats.median(rounds, "bare_p50_ms"), 2),
        f(Stats.median(rounds, "bare_p99_ms"), 2), f(Stats.median(rounds, "bare_p999_ms"), 2),
        String.valueOf(sum(rounds, "bare_errors")), "-");
    throughput.row("probe node, durable spool", f(probeRate, 0), f(Stats.median(rounds, "probe_p50_ms"), 2),
        f(Stats.median(rounds, "probe_p99_ms"), 2), f(Stats.median(rounds, "probe_p999_ms"), 2),
        String.valueOf(sum(rounds, "probe_errors")), String.valueOf(sum(rounds, "probe_lost")));
    TextTable burst = new TextTable("pings", "seconds", "pings/s", "p99 ms", "max ms", "errors", "lost",
        "delivered");
    for (Result b : bursts) {
      burst.row(f(b.number("ok"), 0), f(b.number("duration_s"), 2), f(b.number("rate"), 0), f(b.number("p99_ms"), 1),
          f(b.number("max_ms"), 1), String.valueOf(WrkOutput.errors(b)), f(b.number("lost"), 0),
          f(b.number("delivered"), 0));
    }
    return "## Throughput (medians of " + rounds.size() + " rounds)\n\n" + throughput.render()
        + "\nprobe / bare: " + f(probeRate / bareRate, 2) + "; spool group commit (probe /metrics): p50 "
        + f(Stats.median(rounds, "spool_commit_p50_ms"), 2) + " ms, p99 " + f(Stats.median(rounds, "spool_commit_p99_ms"), 2)
        + " ms, pings per fsync p50 " + f(Stats.median(rounds, "spool_events_per_commit_p50"), 0) + "\n\n"
        + "## Bursts\n\n" + burst.render() + "\nduplicates at the sink (a ping delivered twice): " + duplicates + "\n";
  }

  private static long sum(List<Result> rounds, String key) {
    return rounds.stream().mapToLong(r -> key.endsWith("errors")
        ? WrkOutput.errors(strip(r, key.substring(0, key.indexOf('_') + 1))) : (long) r.number(key)).sum();
  }

  /** The round's figures of one side (bare_ or probe_) under their own names. */
  private static Result strip(Result round, String prefix) {
    Result side = new Result();
    for (String key : List.of("client_errors", "server_errors", "other", "socket_errors")) {
      side.put(key, round.number(prefix + key));
    }
    return side;
  }

  private static String f(double value, int decimals) {
    return Stats.format(value, decimals);
  }
}
