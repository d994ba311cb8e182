package io.quorate.bench.probe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The probe benchmark's runner ({@code bench/run.sh probe ...}): prints the setup, starts the fixtures JVM,
 * runs the chosen scenarios (each run in a fresh JVM), and prints one results table per scenario, also
 * written to {@code <logs>/report.md}. This JVM only waits and prints; it measures nothing itself.
 */
public final class ProbeBench {
  private ProbeBench() {
  }

  /** @return the process exit code: 0 when every scenario produced its table, 2 for bad options, 1 otherwise */
  public static int run(String... words) throws IOException, InterruptedException {
    if (List.of(words).contains("--help") || List.of(words).contains("-h")) {
      System.out.print(ProbeBenchOptions.USAGE);
      return 0;
    }
    ProbeBenchOptions options;
    try {
      options = ProbeBenchOptions.parse(words);
    } catch (IllegalArgumentException e) {
      System.err.println("bench probe: " + e.getMessage() + "\n\n" + ProbeBenchOptions.USAGE);
      return 2;
    }
    long started = System.nanoTime();
    clearLogs(options.logDir());
    String setup = setup(options);
    System.out.print(setup);
    List<String> sections = new ArrayList<>();
    try (Runs runs = Runs.start(options)) {
      ThroughputScenario throughput = new ThroughputScenario(options, runs);
      if (options.runs("baseline")) {
        sections.add(throughput.run(false));
      }
      if (options.runs("probe-throughput")) {
        sections.add(throughput.run(true));
      }
      if (options.runs("probe-memory")) {
        sections.add(new MemoryScenario(options, runs).run());
      }
      if (options.runs("probe-hanging")) {
        sections.add(new HangingScenario(options, runs).run());
      }
    } catch (IllegalStateException e) {
      System.err.println("bench probe: " + e.getMessage());
      return 1;
    }
    String report = setup + "\n" + String.join("\n", sections) + String.format("%nTotal time: %d s%n",
        (System.nanoTime() - started) / 1_000_000_000);
    System.out.println("\n## Results\n");
    System.out.print(String.join("\n", sections));
    System.out.printf("%nTotal time: %d s; report written to %s%n", (System.nanoTime() - started) / 1_000_000_000,
        options.logDir().resolve("report.md"));
    Files.writeString(options.logDir().resolve("report.md"), report);
    return 0;
  }

  /** Logs of an earlier run would be mistaken for this one's: only the files this benchmark writes go. */
  private static void clearLogs(Path logDir) throws IOException {
    if (!Files.isDirectory(logDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log") || f.endsWith("report.md")).toList()) {
        Files.delete(file);
      }
    }
  }

  private static String setup(ProbeBenchOptions options) {
    Runtime runtime = Runtime.getRuntime();
    return "# Probe benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n\n"
        + "- machine: " + runtime.availableProcessors() + " cores (nproc), " + System.getProperty("os.name") + " "
        + System.getProperty("os.version") + ", Java " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vm.name") + ")\n"
        + "- scenarios: " + String.join(" ", options.scenarios()) + "; rounds " + options.rounds() + "; steps "
        + options.steps() + " checks/s at " + options.intervalMs() + " ms interval; per run: ramp "
        + options.ramp().percent() + "% for " + options.ramp().ms() / 1000 + " s, warm-up " + options.warmupMs() / 1000
        + "-" + options.warmupMaxMs() / 1000 + " s (until the JIT is quiet), measure " + options.measureMs() / 1000
        + " s\n"
        + "- runner JVM: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + "\n"
        + "- fixtures JVM (target + sink): " + String.join(" ", Runs.FIXTURES_FLAGS) + "\n"
        + "- probe and baseline JVMs: " + String.join(" ", Runs.fixedHeap(options.heap()))
        + "; probe-memory: " + String.join(" ", Runs.heapLimit(options.memoryHeap())) + "\n"
        + "- probe: maxConcurrentChecks " + options.maxConcurrent() + " (set explicitly; default 256), loopback"
        + " allowed (withAllowedTargets 127.0.0.0/8), Vert.x from ProbeVertx as in ProbeMain\n"
        + "- logs: " + options.logDir() + "\n";
  }
}
