package io.quorate.bench.probe;

import static io.quorate.bench.support.Stats.format;
import static io.quorate.bench.support.Stats.median;
import static io.quorate.bench.support.Stats.ratio;
import static io.quorate.bench.support.Stats.times;

import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Result;
import io.quorate.bench.support.TextTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code probe-hanging}: the same monitors twice per round in one probe JVM, once with the hang set (e.g. 10%)
 * pointed at a path that never answers, once with every target healthy, in alternating order. Only the healthy
 * monitors ("steady", the other 90%) are compared: their delivered rate and start lateness should not change when
 * their neighbours hang until the timeout.
 */
final class HangingScenario {
  private final ProbeBenchOptions options;
  private final Runs runs;

  HangingScenario(ProbeBenchOptions options, Runs runs) {
    this.options = options;
    this.runs = runs;
  }

  String run() throws IOException, InterruptedException {
    Load hanging = options.hangingLoad(true);
    Load healthy = options.hangingLoad(false);
    // One probe JVM for both variants: the first round also waits for the JIT, later ones only settle. No
    // ramp at this moderate rate. The grace lets the hang set's runs started in the window reach their
    // timeout and be counted too.
    Window window = Window.forLoad(hanging, Ramp.NONE, options.warmupMs(), options.warmupMaxMs(),
        options.measureMs(), hanging.timeoutMs() + 500);
    System.out.printf("%n== probe-hanging: %,d monitors every %d ms (%,.0f checks/s), %d%% hang for %d ms; "
            + "maxConcurrentChecks %d; %d round(s)%n", hanging.monitors(), hanging.intervalMs(),
        hanging.offeredPerSecond(), hanging.hangingPercent(), hanging.timeoutMs(), options.maxConcurrent(),
        options.rounds());
    List<Result> with = new ArrayList<>();
    List<Result> without = new ArrayList<>();
    try (ChildJvm probe = runs.probe("probe-hanging", Runs.fixedHeap(options.heap()))) {
      for (int round = 1; round <= options.rounds(); round++) {
        boolean healthyFirst = round % 2 == 1;
        for (int turn = 0; turn < 2; turn++) {
          if ((turn == 0) == healthyFirst) {
            without.add(RunLines.probe("no hanging round " + round, runs.probeRound(probe, healthy, window)));
          } else {
            with.add(RunLines.probe(hanging.hangingPercent() + "% hanging round " + round,
                runs.probeRound(probe, hanging, window)));
          }
        }
      }
    }
    TextTable table = new TextTable("variant", "healthy obs/s (expected)", "healthy p50/p99/max ms",
        "healthy down", "hang-set obs/s", "hang-set down", "probe CPU cores", "busiest thread cores", "skipped",
        "target met");
    row(table, "no hanging targets", healthy, without);
    row(table, hanging.hangingPercent() + "% hang " + hanging.timeoutMs() + " ms", hanging, with);
    double rateRatio = ratio(median(with, "sink_steady_per_s"), median(without, "sink_steady_per_s"));
    double p99Ratio = ratio(median(with, "sink_steady_lateness_p99_ms"),
        median(without, "sink_steady_lateness_p99_ms"));
    return "### probe-hanging: medians of " + options.rounds() + " rounds; \"healthy\" = the "
        + (100 - hanging.hangingPercent()) + "% never pointed at a hanging path\n\n" + table.render()
        + "\nHealthy monitors with hanging neighbours vs without: obs/s " + times(rateRatio) + ", p99 lateness "
        + times(p99Ratio) + ". maxConcurrentChecks was " + options.maxConcurrent() + " (about "
        + format(hanging.offeredPerSecond() * hanging.hangingPercent() / 100 * hanging.timeoutMs() / 1000, 0)
        + " runs hang at once).\n";
  }

  private static void row(TextTable table, String variant, Load load, List<Result> results) {
    double rate = median(results, "sink_steady_per_s");
    double p99 = median(results, "sink_steady_lateness_p99_ms");
    double down = median(results, "sink_steady_down");
    boolean met = rate >= 0.98 * load.steadyPerSecond() && p99 < ThroughputScenario.TARGET_P99_MS && down == 0;
    table.row(variant, format(rate, 0) + " (" + format(load.steadyPerSecond(), 0) + ")",
        ThroughputScenario.lateness(results, "sink_steady_lateness_"), format(down, 0),
        format(median(results, "sink_hangset_per_s"), 0), format(median(results, "sink_hangset_down"), 0),
        format(median(results, "cpu_cores"), 2), format(median(results, "busiest_thread_cores"), 2),
        format(median(results, "skipped"), 0), met ? "yes" : "no");
  }
}
