package io.quorate.bench.probe;

import static io.quorate.bench.support.Stats.format;
import static io.quorate.bench.support.Stats.median;

import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Result;
import io.quorate.bench.support.TextTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code probe-memory}: many monitors on a long interval in a probe JVM whose heap is capped. It measures
 * after every monitor has run at least once and settled on its slot (the first runs all come within 5 s,
 * a burst well above the steady rate), then reports the heap in use after a full GC, whether the JVM ran out
 * of heap (it is started with -XX:+ExitOnOutOfMemoryError, so it cannot limp on unnoticed), and whether the
 * checks kept their rate. Absolute figures, so there is no baseline to alternate with.
 */
final class MemoryScenario {
  private final ProbeBenchOptions options;
  private final Runs runs;

  MemoryScenario(ProbeBenchOptions options, Runs runs) {
    this.options = options;
    this.runs = runs;
  }

  String run() throws IOException, InterruptedException {
    Load load = options.memoryLoad();
    long warmup = load.steadyAfterMs() + 1_000; // fixed: the JIT is long settled by then
    Window window = new Window(Ramp.NONE, warmup, warmup, options.memoryMeasureMs(), 1_000);
    System.out.printf("%n== probe-memory: %,d monitors every %d s, heap limit %s, %d round(s); warm-up %d s (every"
            + " monitor on its slot), measure %d s%n", load.monitors(), load.intervalMs() / 1000, options.memoryHeap(),
        options.memoryRounds(), window.warmupMs() / 1000, window.measureMs() / 1000);
    List<Result> results = new ArrayList<>();
    boolean outOfMemory = false;
    try (ChildJvm probe = runs.probe("probe-memory", Runs.heapLimit(options.memoryHeap()))) {
      for (int round = 1; round <= options.memoryRounds(); round++) {
        ChildJvm.Finished finished = runs.probeRound(probe, load, window);
        outOfMemory |= finished.outOfMemory();
        results.add(RunLines.probe("probe memory round " + round, finished));
      }
    }
    double expected = load.offeredPerSecond();
    double rate = median(results, "sink_steady_per_s");
    TextTable table = new TextTable("monitors", "interval", "heap limit", "heap after full GC MiB",
        "OutOfMemoryError", "obs/s (expected)", "down", "p50/p99/max lateness ms", "GC ms in window",
        "CPU cores", "all assigned after ms");
    table.row(format(load.monitors(), 0), load.intervalMs() / 1000 + " s", options.memoryHeap(),
        format(median(results, "heap_after_gc_mib"), 1), outOfMemory ? "YES" : "no",
        format(rate, 0) + " (" + format(expected, 0) + ")", format(median(results, "sink_steady_down"), 0),
        ThroughputScenario.lateness(results, "sink_steady_lateness_"), format(median(results, "gc_ms"), 0),
        format(median(results, "cpu_cores"), 2), format(median(results, "assigned_after_ms"), 0));
    boolean met = !outOfMemory && rate >= 0.98 * expected && median(results, "sink_steady_down") == 0;
    String rounds = options.memoryRounds() > 1 ? " (medians of " + options.memoryRounds() + " rounds)" : "";
    return "### probe-memory" + rounds
        + "\n\n" + table.render() + "\nTarget: " + format(load.monitors(), 0) + " scheduled monitors within a "
        + options.memoryHeap() + " heap, checks on schedule: " + (met ? "met" : "NOT met") + ".\n";
  }
}
