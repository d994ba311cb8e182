package io.quorate.bench.probe;

import static io.quorate.bench.support.Stats.format;
import static io.quorate.bench.support.Stats.median;
import static io.quorate.bench.support.Stats.ratio;
import static io.quorate.bench.support.Stats.times;

import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Result;
import io.quorate.bench.support.Stats;
import io.quorate.bench.support.TextTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code probe-throughput} (and {@code baseline} alone): at each offered rate, a baseline JVM and a probe
 * JVM, and rounds of one baseline window and one probe window in alternating order (B,P then P,B ...), so
 * slow drifts of the shared machine hit both alike; the one not measured is idle meanwhile. The tables show
 * medians over rounds and probe/baseline ratios of those medians.
 */
final class ThroughputScenario {
  /** The target: at least this many checks per second ... */
  static final int TARGET_PER_SECOND = 5_000;
  /** ... with p99 start lateness below this. */
  static final double TARGET_P99_MS = 50;
  /** Healthy runs take milliseconds; one still unfinished a second after the window ended is not "delivered". */
  private static final long GRACE_MS = 1_000;

  private final ProbeBenchOptions options;
  private final Runs runs;

  ThroughputScenario(ProbeBenchOptions options, Runs runs) {
    this.options = options;
    this.runs = runs;
  }

  /** @return the scenario's tables */
  String run(boolean withProbe) throws IOException, InterruptedException {
    String name = withProbe ? "probe-throughput" : "baseline";
    System.out.printf("%n== %s: %d round(s) per step, heap %s, probe maxConcurrentChecks %d, baseline pool %d%n",
        name, options.rounds(), options.heap(), options.maxConcurrent(), options.baselinePool());
    TextTable rates = new TextTable("offered/s", "baseline req/s", "probe obs/s", "obs ratio",
        "baseline p50/p99/max ms", "probe p50/p99/max ms", "p99 ratio", "target met");
    TextTable costs = new TextTable("offered/s", "baseline CPU cores", "probe CPU cores", "CPU ratio",
        "probe CPU µs/check", "probe busiest thread / JIT cores", "probe /metrics p99 ms",
        "probe delivery p99 ms", "probe down", "probe skipped",
        "others' cores base / probe");
    for (int step : options.steps()) {
      Load load = options.throughputLoad(step);
      // Each JVM's first round ramps and waits for its JIT; later rounds find it warm and only settle.
      Window first = Window.forLoad(load, options.ramp(), options.warmupMs(), options.warmupMaxMs(),
          options.measureMs(), GRACE_MS);
      Window later = Window.forLoad(load, Ramp.NONE, options.warmupMs(), options.warmupMaxMs(),
          options.measureMs(), GRACE_MS);
      List<Result> base = new ArrayList<>();
      List<Result> probe = new ArrayList<>();
      try (ChildJvm baselineJvm = runs.baseline("baseline-" + step, load, Runs.fixedHeap(options.heap()));
           ChildJvm probeJvm = withProbe ? runs.probe("probe-" + step, Runs.fixedHeap(options.heap())) : null) {
        for (int round = 1; round <= options.rounds(); round++) {
          Window window = round == 1 ? first : later;
          boolean baselineFirst = round % 2 == 1 || !withProbe;
          for (int turn = 0; turn < (withProbe ? 2 : 1); turn++) {
            String label = step + "/s round " + round;
            if ((turn == 0) == baselineFirst) {
              base.add(RunLines.baseline("baseline " + label, runs.baselineRound(baselineJvm, window)));
            } else {
              probe.add(RunLines.probe("probe " + label, runs.probeRound(probeJvm, load, window)));
            }
          }
        }
      }
      addRows(step, load, base, probe, rates, costs);
    }
    String title = withProbe
        ? "probe-throughput: medians of " + options.rounds() + " rounds; ratios are probe / baseline of the same run"
        : "baseline: medians of " + options.rounds() + " rounds";
    return "### " + title + "\n\n" + rates.render() + "\n" + (withProbe ? costs.render() + "\n" : "")
        + "Target: at least " + TARGET_PER_SECOND + " checks/s (all up, >= 98% of offered delivered) with p99 start"
        + " lateness under " + (int) TARGET_P99_MS + " ms.\n";
  }

  private static void addRows(int step, Load load, List<Result> base, List<Result> probe, TextTable rates,
      TextTable costs) {
    double baseRate = median(base, "completed_per_s");
    double probeRate = median(probe, "sink_steady_per_s");
    double baseP99 = median(base, "lateness_p99_ms");
    double probeP99 = median(probe, "sink_steady_lateness_p99_ms");
    double probeDown = median(probe, "sink_steady_down");
    boolean met = probeRate >= 0.98 * load.offeredPerSecond() && probeP99 < TARGET_P99_MS && probeDown == 0;
    rates.row(format(step, 0), format(baseRate, 0), format(probeRate, 0), times(ratio(probeRate, baseRate)),
        lateness(base, "lateness_"), lateness(probe, "sink_steady_lateness_"), times(ratio(probeP99, baseP99)),
        probe.isEmpty() ? "-" : met ? "yes" : "no");
    double baseCpu = median(base, "cpu_cores");
    double probeCpu = median(probe, "cpu_cores");
    costs.row(format(step, 0), format(baseCpu, 2), format(probeCpu, 2), times(ratio(probeCpu, baseCpu)),
        format(probeCpu / probeRate * 1e6, 0),
        format(median(probe, "busiest_thread_cores"), 2) + " / " + format(median(probe, "jit_cores"), 2),
        format(median(probe, "metrics_lateness_p99_ms"), 1), format(median(probe, "sink_delivery_delay_p99_ms"), 0),
        format(probeDown, 0), format(median(probe, "skipped"), 0),
        format(othersMedian(base), 2) + " / " + format(othersMedian(probe), 2));
  }

  /** The median over runs of the CPU used by neither benchmark JVM: the shared machine's noise. */
  static double othersMedian(List<Result> results) {
    return Stats.median(results.stream().map(RunLines::others).toList());
  }

  /** {@code p50 / p99 / max} in whole milliseconds, each the median over rounds. */
  static String lateness(List<Result> results, String prefix) {
    return format(median(results, prefix + "p50_ms"), 0) + " / " + format(median(results, prefix + "p99_ms"), 0)
        + " / " + format(median(results, prefix + "max_ms"), 0);
  }
}
