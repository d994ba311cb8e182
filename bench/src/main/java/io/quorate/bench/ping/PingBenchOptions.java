package io.quorate.bench.ping;

import io.quorate.bench.support.Args;
import java.nio.file.Path;
import java.util.Set;

/** The ping benchmark's options; {@code --quick} shortens everything to check that the benchmark works. */
record PingBenchOptions(int rounds, int seconds, int warmupSeconds, int threads, int connections, int targets,
    int burst, Path workDir) {

  static final String USAGE = """
      usage: bench/run.sh ping [options]
        --rounds N         throughput rounds and bursts (default 3); the report gives medians
        --seconds N        length of each throughput round (default 10)
        --threads N        wrk threads (default 2, one per core here)
        --connections N    wrk connections (default 128)
        --targets N        heartbeat monitors, pinged in turn (default 10000)
        --burst N          pings in each burst (default 100000)
        --quick            1 round of 5 s, 3 s warm-up: does the benchmark work?
      needs wrk on the PATH (apt install wrk)""";

  static PingBenchOptions parse(String... words) {
    Args args = Args.parse(words).requireKnown(Set.of("rounds", "seconds", "threads", "connections", "targets",
        "burst", "quick"));
    boolean quick = args.flag("quick");
    return new PingBenchOptions(args.integer("rounds", quick ? 1 : 3), args.integer("seconds", quick ? 5 : 10),
        quick ? 3 : 10, args.integer("threads", 2), args.integer("connections", 128),
        args.integer("targets", 10_000), args.integer("burst", 100_000), Path.of("bench", "target", "ping"));
  }
}
