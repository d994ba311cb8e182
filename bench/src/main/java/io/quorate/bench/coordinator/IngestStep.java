package io.quorate.bench.coordinator;

import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Result;
import io.quorate.bench.support.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One step of the benchmark (N monitors), run from the runner's thread: a coordinator JVM on an empty
 * database, the load JVM (fixtures, three region links, the webhook recorder), throughput windows at the
 * offered rate, time to incident at a share of the measured throughput, the database's size, and the
 * baseline JVM against the same PostgreSQL while the coordinator idles.
 */
final class IngestStep {
  static final String ADMIN_TOKEN = "bench-admin-token";
  static final String PROBE_TOKEN = "bench-probe-token";
  /** The Hazelcast openings of the parent pom's {@code hazelcast.jvm.flags}, as the coordinator's jar has them. */
  static final List<String> HAZELCAST_FLAGS = List.of("--add-modules", "java.se", "--add-exports",
      "java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens",
      "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.management/sun.management=ALL-UNNAMED", "--add-opens",
      "jdk.management/com.sun.management.internal=ALL-UNNAMED");
  private static final Duration START = Duration.ofMinutes(3);
  private static final Duration FIXTURES = Duration.ofMinutes(30);
  private static final Duration COMMAND = Duration.ofMinutes(5);
  private static final long DRAIN_MAX_MS = 180_000;
  private static final long RATE_SETTLE_MS = 2_000;

  private final CoordinatorBenchOptions options;
  private final int index;
  private final int monitors;

  IngestStep(CoordinatorBenchOptions options, int index, int monitors) {
    this.options = options;
    this.index = index;
    this.monitors = monitors;
  }

  static List<String> coordinatorFlags(CoordinatorBenchOptions options) {
    List<String> flags = new ArrayList<>(List.of("-Xms" + options.heap(), "-Xmx" + options.heap(),
        "-XX:+ExitOnOutOfMemoryError"));
    flags.addAll(HAZELCAST_FLAGS);
    return flags;
  }

  static List<String> loadFlags() {
    return List.of("-Xms1g", "-Xmx1g", "-XX:+ExitOnOutOfMemoryError");
  }

  StepResults run() throws IOException, InterruptedException {
    Path dataDir = options.workDir().resolve("data").toAbsolutePath();
    deleteRecursively(dataDir.resolve("pg")); // keeps the extracted binaries in pg-binaries
    Map<String, String> external = options.dbUrl().map(url -> Map.of(BenchDatabase.ENV, url)).orElse(Map.of());
    List<String> flags = coordinatorFlags(options);
    if (options.jfr()) {
      flags.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
          + options.logDir().resolve(name("coordinator") + ".jfr").toAbsolutePath());
    }
    try (ChildJvm coordinator = ChildJvm.start(name("coordinator"), flags, CoordinatorUnderTestMain.class.getName(),
        List.of("--data-dir", dataDir.toString(), "--admin-token", ADMIN_TOKEN, "--probe-token", PROBE_TOKEN), external,
        options.logDir())) {
      Result ready = coordinator.awaitReady(START);
      System.out.println("coordinator: " + coordinator.commandLine());
      int pgPid = (int) ready.number("pg_pid");
      Map<String, String> db = Map.of(BenchDatabase.ENV, options.dbUrl()
          .orElse("postgresql://postgres:postgres@localhost:" + (int) ready.number("pg_port") + "/postgres"));
      try (ChildJvm load = ChildJvm.start(name("load"), loadFlags(), LoadMain.class.getName(),
          List.of("--api-port", String.valueOf((int) ready.number("http_port")), "--grpc",
              "127.0.0.1:" + (int) ready.number("grpc_port"), "--admin-token", ADMIN_TOKEN, "--probe-token",
              PROBE_TOKEN), db, options.logDir())) {
        load.awaitReady(START);
        Result fixtures = ask(load, "fixtures --monitors " + monitors + " --api-limit " + options.apiLimit(), FIXTURES);
        System.out.printf("%,d monitors: fixtures via %s in %.1f s (%.0f monitors/s through the API)%n", monitors,
            fixtures.text("via"), fixtures.number("seconds"), fixtures.number("api_per_s"));
        Result connected = ask(load, "connect", COMMAND);
        System.out.printf("%,d monitors: three regions linked, snapshots of %,d checks after %,d ms%n", monitors,
            (long) connected.number("monitors"), (long) connected.number("connect_ms"));
        List<Result> throughput = throughput(coordinator, load);
        double accepted = Stats.median(throughput, "acked_per_s");
        List<Result> incidents = new ArrayList<>();
        // Sample 0 is the first time the incident path (verdict change, incident, delivery, webhook) runs
        // in this JVM: it is run, printed, and left out of the tables, as the throughput's JIT warm-up is.
        List<Integer> percents = options.incidentLoadPercents();
        incidents(coordinator, load, accepted, 0, percents.get(0));
        for (int i = 0; i < percents.size(); i++) {
          incidents.add(incidents(coordinator, load, accepted, i + 1, percents.get(i)));
        }
        ask(load, "rate --per-s 0 --discard true", COMMAND);
        Thread.sleep(2_000);
        Result size = ask(load, "size", COMMAND);
        List<List<Result>> baseline = baseline(pgPid, db);
        return new StepResults(monitors, fixtures, throughput, incidents, size, baseline.get(0), baseline.get(1));
      }
    }
  }

  /** PostgreSQL's CPU, which is measured only when it runs embedded here (not with {@code --db-url}). */
  private static String postgresCores(double cores) {
    return Double.isFinite(cores) ? String.format("%.2f cores", cores) : "CPU not measured";
  }

  private List<Result> throughput(ChildJvm coordinator, ChildJvm load) throws IOException, InterruptedException {
    ask(load, "rate --per-s " + options.offeredPerSecond(), COMMAND);
    Result settled = ask(coordinator, "settle --min-ms " + options.warmupMs() + " --max-ms " + options.warmupMaxMs(),
        COMMAND);
    List<Result> windows = new ArrayList<>();
    for (int w = 1; w <= options.windows(); w++) {
      Result window = window(coordinator, load);
      windows.add(window);
      System.out.printf("%,d monitors, window %d (warm-up %.0f s%s): offered %,.0f/s, accepted %,.0f/s, coordinator"
              + " %.2f cores (busiest loop %.2f), PostgreSQL %s, machine %.2f, shed %,d, ack p99 %,.0f ms%n",
          monitors, w, Math.abs(settled.number("warmup_ms")) / 1000, settled.number("warmup_ms") < 0 ? ", JIT still busy" : "",
          window.number("offered_per_s"), window.number("acked_per_s"), window.number("c_cpu_cores"),
          window.number("c_busiest_eventloop_cores"), postgresCores(window.number("c_pg_cpu_cores")),
          window.number("c_machine_busy_cores"), (long) window.number("shed"), window.number("ack_delay_p99_ms"));
    }
    return windows;
  }

  /** One measurement window in the load JVM and the coordinator JVM at once. */
  private Result window(ChildJvm coordinator, ChildJvm load) throws IOException, InterruptedException {
    String measure = "measure --ms " + options.measureMs();
    coordinator.send(measure);
    load.send(measure);
    Duration timeout = Duration.ofMillis(options.measureMs()).plus(COMMAND);
    Result fromLoad = result(load, measure, timeout);
    return fromLoad.putAll("c_", result(coordinator, measure, timeout));
  }

  /** Time to incident of sample number {@code slice} at {@code percent} of the accepted rate. */
  private Result incidents(ChildJvm coordinator, ChildJvm load, double accepted, int slice, int percent)
      throws IOException, InterruptedException {
    long rate = Math.round(accepted * percent / 100);
    // What was written before is acknowledged first (at the coordinator's full speed, nothing new offered):
    // it would sit in front of the sample.
    ask(load, "rate --per-s 0 --discard true", COMMAND);
    Result drained = ask(load, "drain --max-ms " + DRAIN_MAX_MS, Duration.ofMillis(DRAIN_MAX_MS).plus(COMMAND));
    ask(load, "rate --per-s " + rate, COMMAND);
    Thread.sleep(RATE_SETTLE_MS);
    Result window = slice == 0 ? new Result() : window(coordinator, load);
    Result sample = ask(load, "incidents --count " + options.incidentSample() + " --slice " + slice + " --spacing-ms "
        + options.incidentSpacingMs() + " --timeout-s 120", COMMAND);
    String how = slice == 0 ? "warm-up, not reported"
        : String.format("%,.0f/s accepted", window.number("acked_per_s"));
    System.out.printf("%,d monitors, time to incident at %,d/s offered (%d%% of accepted; %s): delivered"
            + " p50/p99/max %s ms, decided %s ms, from receipt %s ms, not opened %d (backlog drained in %,d ms%s)%n",
        monitors, rate, percent, how, IngestReport.triple(sample, "delivered_"),
        IngestReport.triple(sample, "decided_"), IngestReport.triple(sample, "from_receipt_"),
        (long) sample.number("missing"), (long) drained.number("drain_ms"),
        "true".equals(drained.text("drained")) ? "" : ", NOT drained");
    return sample.put("percent", percent).put("drain_ms", drained.number("drain_ms")).putAll("w_", window);
  }

  /** Both baseline variants in one JVM against the same database, the coordinator idle meanwhile. */
  private List<List<Result>> baseline(int pgPid, Map<String, String> db) throws IOException, InterruptedException {
    List<List<Result>> variants = new ArrayList<>();
    try (ChildJvm baseline = ChildJvm.start(name("baseline"), coordinatorFlags(options), BaselineMain.class.getName(),
        List.of("--pg-pid", String.valueOf(pgPid)), db, options.logDir())) {
      baseline.awaitReady(START);
      for (int rowsPerTx : options.baselineBatch() > 1 ? List.of(1, options.baselineBatch()) : List.of(1)) {
        ask(baseline, "start --rows-per-tx " + rowsPerTx + " --lanes " + options.baselineLanes(), COMMAND);
        ask(baseline, "settle --min-ms " + options.warmupMs() + " --max-ms " + options.warmupMaxMs(), COMMAND);
        List<Result> windows = new ArrayList<>();
        for (int w = 1; w <= options.windows(); w++) {
          Result window = ask(baseline, "measure --ms " + options.measureMs(),
              Duration.ofMillis(options.measureMs()).plus(COMMAND));
          windows.add(window);
          System.out.printf("%,d monitors, baseline %d row(s)/tx, window %d: %,.0f rows/s, JVM %.2f cores,"
                  + " PostgreSQL %s, machine %.2f%n", monitors, rowsPerTx, w, window.number("rows_per_s"),
              window.number("cpu_cores"), postgresCores(window.number("pg_cpu_cores")), window.number("machine_busy_cores"));
        }
        ask(baseline, "stop", COMMAND);
        variants.add(windows);
      }
    }
    while (variants.size() < 2) {
      variants.add(List.of());
    }
    return variants;
  }

  private String name(String jvm) {
    return String.format("%02d-%s-%d", index + 1, jvm, monitors);
  }

  private static Result ask(ChildJvm jvm, String command, Duration timeout) throws IOException, InterruptedException {
    jvm.send(command);
    return result(jvm, command, timeout);
  }

  private static Result result(ChildJvm jvm, String command, Duration timeout) throws InterruptedException {
    ChildJvm.Finished finished = jvm.nextResult(timeout);
    if (finished.result() == null) {
      throw new IllegalStateException("\"" + command + "\" got no result (exit code " + finished.exitCode()
          + (finished.outOfMemory() ? ", OutOfMemoryError" : "") + "); see " + finished.log());
    }
    return finished.result();
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
