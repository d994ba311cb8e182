package io.quorate.bench.coordinator;

import io.quorate.bench.support.Args;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinator benchmark's settings. The defaults run the three steps (about 13 minutes on two
 * cores); {@code --quick} checks that the benchmark works (about 4 minutes).
 */
record CoordinatorBenchOptions(List<Integer> monitors, int offeredPerSecond, int windows, long measureMs,
    long warmupMs, long warmupMaxMs, List<Integer> incidentLoadPercents, int incidentSample, long incidentSpacingMs,
    int apiLimit, int baselineLanes, int baselineBatch, String heap, Optional<String> dbUrl, boolean jfr,
    Path workDir) {

  /** The targets: at least this many observations per second accepted ... */
  static final int TARGET_PER_SECOND = 20_000;
  /** ... and the incident open (its webhook delivered) within this p99 of the quorum-completing observation. */
  static final double TARGET_P99_MS = 100;

  private static final Set<String> KNOWN = Set.of("monitors", "offered", "windows", "measure-s", "warmup-s",
      "warmup-max-s", "incident-loads", "incident-sample", "incident-spacing-ms", "api-limit", "baseline-lanes",
      "baseline-batch", "heap", "db-url", "jfr", "quick");

  static final String USAGE = """
      usage: bench/run.sh coordinator [options]
        --monitors 1000,10000,100000   steps: HTTP monitors in three regions (quorum 2, 1 confirmation); each
                                  step gets a fresh coordinator JVM and an empty database
        --offered 30000           observations/s offered in all (a third per region) while throughput is
                                  measured; what is acknowledged is what the coordinator sustains
        --windows 3 --measure-s 10   throughput windows per step (medians are reported)
        --warmup-s 10 --warmup-max-s 40   before the first window: at least this, then until the
                                  coordinator's JIT compilers are quiet
        --incident-loads 25,80    offered loads while time to incident is measured, in % of the step's
                                  measured throughput, each with its own sample (25%: the link and the
                                  decision alone; 80%: with the queue a busy coordinator keeps)
        --incident-sample 200 --incident-spacing-ms 50   monitors failed per load, one every 50 ms; one
                                  more sample first at the first load warms the incident path up (not reported)
        --api-limit 10000         monitors created through the REST API; beyond it the first is created
                                  through the API and the rest copied from it in one SQL statement
        --baseline-lanes 3        concurrent lanes of the plain-pg-client baseline (one per region stream)
        --baseline-batch 256      rows per transaction of the batched baseline; 0 leaves it out
        --heap 1g                 -Xms/-Xmx of the coordinator and baseline JVMs (the load JVM gets 1g too)
        --db-url URL              a PostgreSQL to use instead of the embedded one. EVERY TABLE OF THE
                                  COORDINATOR'S SCHEMA IN IT IS EMPTIED at each step; passed to the JVMs in
                                  the environment, never printed. PostgreSQL's CPU is then not measured.
        --jfr                     record a JFR profile of each coordinator JVM (bench/target/coordinator/logs)
        --quick                   steps 1000,10000, one window of 5 s, short warm-up, 50 monitors failed
      """;

  static CoordinatorBenchOptions parse(String... words) {
    Args args = Args.parse(words).requireKnown(KNOWN);
    if (!args.positional().isEmpty()) {
      throw new IllegalArgumentException("the coordinator benchmark has no scenarios: " + args.positional());
    }
    boolean quick = args.flag("quick");
    List<Integer> monitors = args.integers("monitors", quick ? List.of(1_000, 10_000) : List.of(1_000, 10_000, 100_000));
    List<Integer> loads = args.integers("incident-loads", List.of(25, 80));
    int sample = args.integer("incident-sample", quick ? 50 : 200);
    for (int step : monitors) {
      if (step < 3 || (long) sample * (loads.size() + 1) >= step) {
        throw new IllegalArgumentException("--monitors " + step + " is too small for " + (loads.size() + 1)
            + " sample(s) (one to warm up) of " + sample + " monitors");
      }
    }
    for (int load : loads) {
      if (load <= 0) {
        throw new IllegalArgumentException("--incident-loads: percentages must be positive, got " + load);
      }
    }
    String dbUrl = args.string("db-url", "");
    return new CoordinatorBenchOptions(monitors,
        args.integer("offered", 30_000),
        args.integer("windows", quick ? 1 : 3),
        args.number("measure-s", quick ? 5 : 10) * 1000,
        args.number("warmup-s", quick ? 5 : 10) * 1000,
        args.number("warmup-max-s", quick ? 15 : 40) * 1000,
        loads, sample,
        args.number("incident-spacing-ms", 50),
        args.integer("api-limit", 10_000),
        args.integer("baseline-lanes", Fixtures.REGIONS.size()),
        args.integer("baseline-batch", 256),
        args.string("heap", "1g"),
        dbUrl.isBlank() ? Optional.empty() : Optional.of(dbUrl),
        args.flag("jfr"),
        Path.of("bench", "target", "coordinator"));
  }

  Path logDir() {
    return workDir.resolve("logs");
  }
}
