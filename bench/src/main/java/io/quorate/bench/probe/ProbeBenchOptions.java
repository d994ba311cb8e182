package io.quorate.bench.probe;

import io.quorate.bench.support.Args;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The probe benchmark's settings. Defaults keep a full run ({@code bench/run.sh probe}) under about six
 * minutes on two cores; {@code --quick} is for checking the benchmark itself works.
 */
record ProbeBenchOptions(List<String> scenarios, int rounds, List<Integer> steps, long intervalMs, long timeoutMs,
    long warmupMs, long warmupMaxMs, long measureMs, int maxConcurrent, int baselinePool, String heap,
    int memoryMonitors, long memoryIntervalMs, String memoryHeap, long memoryMeasureMs, int memoryRounds,
    int hangingRate, int hangingPercent, long hangingIntervalMs, long hangingTimeoutMs, Ramp ramp, Path logDir) {

  /** Vert.x's own default (PoolOptions.http1MaxSize): the "bare" client is an unconfigured one. */
  static final int DEFAULT_BASELINE_POOL = 5;
  static final List<String> SCENARIOS = List.of("baseline", "probe-throughput", "probe-memory", "probe-hanging");
  /** Everything: probe-throughput runs the baseline alternately with the probe, so baseline alone is left out. */
  static final List<String> DEFAULT_SCENARIOS = List.of("probe-throughput", "probe-memory", "probe-hanging");
  private static final Set<String> KNOWN = Set.of("rounds", "steps", "interval-ms", "timeout-ms", "warmup-s",
      "warmup-max-s", "measure-s", "max-concurrent", "baseline-pool", "heap", "memory-monitors", "memory-interval-s",
      "memory-heap", "memory-measure-s", "memory-rounds", "hanging-rate", "hanging-percent", "hanging-interval-ms",
      "hanging-timeout-ms", "ramp-percent", "ramp-s", "logs", "quick");

  static final String USAGE = """
      usage: bench/run.sh probe [scenario...] [options]
      scenarios (default: probe-throughput probe-memory probe-hanging):
        baseline          the bare Vert.x client alone, at each step
        probe-throughput  the probe at each step, alternating with the baseline in every round
        probe-memory      50,000 monitors in a probe with a 256 MiB heap
        probe-hanging     10% of targets never answer; the healthy 90% vs a run without hanging targets
      options:
        --rounds 3                rounds per step and variant (medians are reported)
        --steps 5000,10000        offered checks per second (monitors = step x interval); each step
                                  takes about 80 s (5000,7500,10000 shows the bend in more detail)
        --interval-ms 1000        check interval of the throughput steps
        --timeout-ms 2000         check timeout of the throughput steps
        --warmup-s 3 --warmup-max-s 16 --measure-s 4   per run: the warm-up lasts at least until every
                                  monitor runs on its slot, then until the JVM's JIT compilers are quiet
                                  (a JVM serves all rounds of a step: only its first round waits long)
        --max-concurrent 2048     the probe's maxConcurrentChecks (its pool per target is this + 16)
        --baseline-pool 5         the bare client's connections per target (Vert.x's default)
        --heap 512m               -Xms/-Xmx of probe and baseline JVMs in throughput and hanging runs
        --memory-monitors 50000 --memory-interval-s 60 --memory-heap 256m --memory-measure-s 6
                                  --memory-rounds 1 (heap after GC barely varies; one run is ~50 s)
        --hanging-rate 2000 --hanging-percent 10 --hanging-interval-ms 2500 --hanging-timeout-ms 2000
        --ramp-percent 25 --ramp-s 2   each run starts with this share of its monitors (JIT warm-up);
                                  --ramp-percent 0 measures a cold start with everything at once
        --logs bench/target/bench-logs   one log per JVM and run
        --quick                   one round, first step only, short windows (to try the benchmark out)
      """;

  static ProbeBenchOptions parse(String... words) {
    Args args = Args.parse(words).requireKnown(KNOWN);
    List<String> scenarios = args.positional().isEmpty() ? DEFAULT_SCENARIOS : args.positional();
    for (String scenario : scenarios) {
      if (!SCENARIOS.contains(scenario)) {
        throw new IllegalArgumentException("unknown scenario \"" + scenario + "\"; known: "
            + String.join(", ", SCENARIOS));
      }
    }
    boolean quick = args.flag("quick");
    List<Integer> steps = args.integers("steps", List.of(5_000, 10_000));
    return new ProbeBenchOptions(scenarios,
        args.integer("rounds", quick ? 1 : 3),
        quick ? steps.subList(0, 1) : steps,
        args.number("interval-ms", 1_000),
        args.number("timeout-ms", 2_000),
        args.number("warmup-s", 3) * 1000,
        args.number("warmup-max-s", 16) * 1000,
        args.number("measure-s", quick ? 3 : 4) * 1000,
        args.integer("max-concurrent", 2_048),
        args.integer("baseline-pool", DEFAULT_BASELINE_POOL),
        args.string("heap", "512m"),
        args.integer("memory-monitors", 50_000),
        args.number("memory-interval-s", 60) * 1000,
        args.string("memory-heap", "256m"),
        args.number("memory-measure-s", 6) * 1000,
        args.integer("memory-rounds", 1),
        args.integer("hanging-rate", 2_000),
        args.integer("hanging-percent", 10),
        args.number("hanging-interval-ms", 2_500),
        args.number("hanging-timeout-ms", 2_000),
        new Ramp(args.integer("ramp-percent", 25), args.number("ramp-s", 2) * 1000),
        Path.of(args.string("logs", "bench/target/bench-logs")));
  }

  boolean runs(String scenario) {
    return scenarios.contains(scenario);
  }

  /** Monitors of a throughput step: the step's rate times the interval. */
  Load throughputLoad(int perSecond) {
    return Load.healthy(Math.toIntExact(perSecond * intervalMs / 1000), intervalMs, timeoutMs);
  }

  Load memoryLoad() {
    return Load.healthy(memoryMonitors, memoryIntervalMs, timeoutMs);
  }

  Load hangingLoad(boolean hang) {
    return new Load(Math.toIntExact(hangingRate * hangingIntervalMs / 1000), hangingIntervalMs, hangingTimeoutMs,
        hangingPercent, hang);
  }
}
