package io.quorate.bench.teamview;

import io.quorate.bench.support.Args;
import java.nio.file.Path;
import java.util.Set;

/** Options of {@code bench/run.sh teamview}. */
record TeamViewOptions(int monitors, int heartbeats, int dense, int sparseEveryMinutes, int rounds, int requests,
    int warmup, String heap, Path workDir) {
  static final String USAGE = """
      usage: bench/run.sh teamview [options]
        --monitors 10000          HTTP monitors (20 owners, 3 tiers, 2% down in two regions with an open incident)
        --heartbeats 500          heartbeat monitors besides them (their states are evaluated in Java per request)
        --dense 3                 monitors with a full month of runs: every 30 s from 3 regions (259,200 rows each)
        --sparse-every-minutes 360  every other monitor: one run per this many minutes over the month
        --rounds 3                rounds; in each every endpoint is asked --requests times, one after another
        --requests 200            measured requests per endpoint and round (after --warmup in the first round)
        --warmup 100              requests per endpoint before the first round (JIT, caches)
        --heap 1g                 -Xms/-Xmx of the coordinator JVM
        --quick                   1,000 monitors, 1 round of 50 requests: does the benchmark work?
      """;

  static TeamViewOptions parse(String... words) {
    Args args = Args.parse(words).requireKnown(Set.of("monitors", "heartbeats", "dense", "sparse-every-minutes",
        "rounds", "requests", "warmup", "heap", "quick"));
    boolean quick = args.flag("quick");
    return new TeamViewOptions(args.integer("monitors", quick ? 1_000 : 10_000),
        args.integer("heartbeats", quick ? 50 : 500), args.integer("dense", quick ? 1 : 3),
        args.integer("sparse-every-minutes", 360), args.integer("rounds", quick ? 1 : 3),
        args.integer("requests", quick ? 50 : 200), args.integer("warmup", quick ? 20 : 100),
        args.string("heap", "1g"), Path.of("bench/target/teamview"));
  }
}
