package io.quorate.bench.coordinator;

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
 * {@code bench/run.sh coordinator}: how many observations per second a real coordinator takes in from
 * three regions on the real link, what each costs in its CPU and PostgreSQL's, how long an incident takes
 * from the observation completing its quorum to the webhook, and how that grows from 1,000 to 100,000
 * monitors; against a plain pg client writing the same rows to the same database. See bench/README.md.
 */
public final class CoordinatorBench {
  private CoordinatorBench() {
  }

  public static int run(String... words) throws IOException, InterruptedException {
    if (List.of(words).contains("--help") || List.of(words).contains("-h")) {
      System.out.print(CoordinatorBenchOptions.USAGE);
      return 0;
    }
    CoordinatorBenchOptions options;
    try {
      options = CoordinatorBenchOptions.parse(words);
    } catch (IllegalArgumentException e) {
      System.err.println("bench coordinator: " + e.getMessage() + "\n\n" + CoordinatorBenchOptions.USAGE);
      return 2;
    }
    long started = System.nanoTime();
    Files.createDirectories(options.logDir());
    clearLogs(options.logDir());
    String setup = setup(options);
    System.out.print(setup);
    List<StepResults> steps = new ArrayList<>();
    try {
      for (int i = 0; i < options.monitors().size(); i++) {
        System.out.printf("%n== step %d: %,d monitors%n", i + 1, options.monitors().get(i));
        steps.add(new IngestStep(options, i, options.monitors().get(i)).run());
      }
    } catch (IllegalStateException e) {
      System.err.println("bench coordinator: " + e.getMessage());
      if (steps.isEmpty()) {
        return 1;
      }
      System.err.println("bench coordinator: reporting the steps that finished");
    }
    String tables = IngestReport.render(steps, options.baselineBatch());
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    String report = setup + "\n" + tables + String.format("%nTotal time: %d s%n", seconds);
    Path file = options.workDir().resolve("report.md");
    Files.writeString(file, report);
    System.out.print("\n## Results\n\n" + tables);
    System.out.printf("%nTotal time: %d s; report written to %s%n", seconds, file);
    return steps.size() == options.monitors().size() ? 0 : 1;
  }

  private static void clearLogs(Path logDir) throws IOException {
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".jfr")).toList()) {
        Files.delete(file);
      }
    }
  }

  private static String setup(CoordinatorBenchOptions options) {
    Runtime runtime = Runtime.getRuntime();
    return "# Coordinator ingest benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n\n"
        + "- machine: " + runtime.availableProcessors() + " cores (nproc), " + System.getProperty("os.name") + " "
        + System.getProperty("os.version") + ", Java " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vm.name") + ")\n"
        + "- steps: " + options.monitors() + " HTTP monitors in " + Fixtures.REGIONS + ", quorum " + Fixtures.QUORUM
        + ", " + Fixtures.CONFIRMATIONS + " confirmation; created through the API up to " + options.apiLimit()
        + ", beyond that one through the API and the rest copied in SQL\n"
        + "- load: three simulated probe regions on the real gRPC link, " + options.offeredPerSecond()
        + " observations/s offered in all; " + options.windows() + " window(s) of " + options.measureMs() / 1000
        + " s after a warm-up of " + options.warmupMs() / 1000 + "-" + options.warmupMaxMs() / 1000
        + " s (until the coordinator's JIT is quiet)\n"
        + "- time to incident: " + options.incidentSample() + " monitors, one every " + options.incidentSpacingMs()
        + " ms, at " + options.incidentLoadPercents() + "% of the step's accepted rate\n"
        + "- baseline: plain Vert.x pg client, " + options.baselineLanes() + " lanes, 1"
        + (options.baselineBatch() > 1 ? " and " + options.baselineBatch() : "") + " row(s) per transaction\n"
        + "- database: " + (options.dbUrl().isPresent() ? "given with --db-url (emptied at each step)"
            : "the coordinator's embedded PostgreSQL (zonky), fresh for each step") + "\n"
        + "- runner JVM: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + "\n"
        + "- coordinator and baseline JVMs: " + String.join(" ", IngestStep.coordinatorFlags(options))
        + (options.jfr() ? " + JFR (profile settings)" : "") + "\n"
        + "- load JVM: " + String.join(" ", IngestStep.loadFlags()) + "\n"
        + "- logs: " + options.logDir() + "\n";
  }
}
