package io.quorate.bench.coordinator;

import io.quorate.bench.support.Args;
import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Commands;
import io.quorate.bench.support.Control;
import io.quorate.bench.support.CpuMeter;
import io.quorate.bench.support.JitSettle;
import io.quorate.bench.support.Result;
import io.quorate.coordinator.Coordinator;
import io.quorate.coordinator.config.CoordinatorConfig;
import io.quorate.coordinator.config.ProbeHealthLimits;
import io.quorate.coordinator.config.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinator JVM: one real coordinator node started as {@code CoordinatorMain} starts it
 * ({@link Coordinator#start}: Hazelcast, PostgreSQL, migrations, services), with the embedded PostgreSQL
 * under {@code --data-dir}, or the database in {@code QUORATE_BENCH_DB_URL} when the runner was given one.
 * Fixed admin and probe tokens, every port free. It measures itself on command:
 * <pre>
 *   settle --min-ms A --max-ms B   wait until its JIT compilers are quiet
 *   measure --ms W                 its CPU (by kind of thread), PostgreSQL's CPU, and its own
 *                                  quorate_observations_total over W ms
 * </pre>
 */
public final class CoordinatorUnderTestMain {
  /** The JVM flags Hazelcast needs, for other benchmarks that start this class. */
  public static final List<String> HAZELCAST_FLAGS = IngestStep.HAZELCAST_FLAGS;
  private CoordinatorUnderTestMain() {
  }

  public static void main(String[] words) throws Exception {
    Commands commands = Commands.fromStdin();
    Args args = Args.parse(words).requireKnown(Set.of("data-dir", "admin-token", "probe-token"));
    Path dataDir = Path.of(args.required("data-dir"));
    Optional<String> dbUrl = Optional.ofNullable(System.getenv(BenchDatabase.ENV)).filter(url -> !url.isBlank());
    CoordinatorConfig config = new CoordinatorConfig("127.0.0.1", 0, 0, dbUrl, dataDir, "127.0.0.1", freePort(),
        List.of(), Optional.of(Secret.of(args.required("admin-token"))),
        Optional.of(Secret.of(args.required("probe-token"))), Optional.empty(), Optional.empty(), "bench-coordinator",
        Duration.ofSeconds(1), 10, Duration.ofSeconds(1), ProbeHealthLimits.DEFAULTS);
    Coordinator coordinator = Coordinator.start(config, Clock.systemUTC(), (name, token) -> { }).await();
    String metrics = "http://127.0.0.1:" + coordinator.httpPort() + "/metrics";
    Result ready = new Result().put("http_port", coordinator.httpPort()).put("grpc_port", coordinator.grpcPort());
    int postmaster = -1;
    if (dbUrl.isEmpty()) {
      PgProcesses.Postmaster pg = PgProcesses.Postmaster.read(dataDir.resolve("pg"));
      postmaster = pg.pid();
      ready.put("pg_port", pg.port()).put("pg_pid", pg.pid());
    }
    ChildJvm.printReady(ready);
    for (Optional<String[]> command = commands.next(); command.isPresent(); command = commands.next()) {
      Args options = Args.parse(command.get()).requireKnown(Set.of("ms", "min-ms", "max-ms"));
      Result result = switch (command.get()[0]) {
        case "settle" -> new Result().put("warmup_ms",
            JitSettle.await(options.number("min-ms", 3_000), options.number("max-ms", 20_000)));
        case "measure" -> measure(options.number("ms", 10_000), metrics, postmaster);
        default -> throw new IllegalArgumentException("unknown command " + command.get()[0]);
      };
      ChildJvm.printResult(result);
    }
    // The embedded PostgreSQL must stop with it: a server left running would hold the next step's port.
    coordinator.close().await();
    System.exit(0);
  }

  private static Result measure(long ms, String metricsUrl, int postmaster) throws InterruptedException {
    double observationsBefore = MetricsSum.of(Control.get(metricsUrl), "quorate_observations_total");
    double pgBefore = postmaster > 0 ? PgProcesses.cpuSeconds(postmaster) : Double.NaN;
    CpuMeter.Sample from = CpuMeter.sample();
    Thread.sleep(ms);
    CpuMeter.Sample to = CpuMeter.sample();
    double pgAfter = postmaster > 0 ? PgProcesses.cpuSeconds(postmaster) : Double.NaN;
    double observationsAfter = MetricsSum.of(Control.get(metricsUrl), "quorate_observations_total");
    double seconds = (to.wallNanos() - from.wallNanos()) / 1e9;
    Result result = new Result();
    CpuMeter.describe(from, to, result);
    ThreadGroups.describe(from.threads(), to.threads(), seconds, result);
    return result.put("pg_cpu_cores", (pgAfter - pgBefore) / seconds)
        .put("observations_per_s", (observationsAfter - observationsBefore) / seconds);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
