package io.quorate.bench;

import io.quorate.bench.coordinator.CoordinatorBench;
import io.quorate.bench.ping.PingBench;
import io.quorate.bench.probe.ProbeBench;
import io.quorate.bench.teamview.TeamViewBench;
import java.util.Arrays;

/**
 * The one entry point of {@code bench/run.sh}: {@code <benchmark> [scenario...] [options]}. Each benchmark
 * lives in its own package and starts the JVMs it needs itself, so this class only dispatches.
 */
public final class BenchMain {
  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println("usage: bench/run.sh <benchmark> [scenario...] [options]\n"
          + "benchmarks:\n"
          + "  probe    checks per second, start lateness, memory and hanging targets of one probe node\n"
          + "           (bench/run.sh probe --help for its scenarios and options)\n"
          + "  ping     heartbeat pings per second into one probe node with its durable spool, and bursts\n"
          + "           (bench/run.sh ping --help)\n"
          + "  coordinator  observations per second into a real coordinator from three regions, time to incident,\n"
          + "           1,000 to 100,000 monitors (bench/run.sh coordinator --help)\n"
          + "  teamview the team view's API with 10,000 monitors and a month of history: pages, filters, series\n"
          + "           (bench/run.sh teamview --help)");
      System.exit(args.length == 0 ? 2 : 0);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "probe" -> System.exit(ProbeBench.run(rest));
      case "ping" -> System.exit(PingBench.run(rest));
      case "coordinator" -> System.exit(CoordinatorBench.run(rest));
      case "teamview" -> System.exit(TeamViewBench.run(rest));
      default -> {
        System.err.println("unknown benchmark \"" + args[0] + "\"; known: probe, ping, coordinator, teamview");
        System.exit(2);
      }
    }
  }
}
