package io.quorate.bench.coordinator;

import io.quorate.bench.support.Args;
import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Commands;
import io.quorate.bench.support.CpuMeter;
import io.quorate.bench.support.Latencies;
import io.quorate.bench.support.Result;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * The load JVM: the recording webhook server, the fixtures, and three simulated probe regions on the
 * coordinator's real gRPC link ({@link RegionLink}). Everything it reports is measured on its own clock:
 * acknowledged observations per second, and time from a quorum-completing DOWN to the webhook. One command
 * per line on stdin, one RESULT line per command:
 * <pre>
 *   fixtures --monitors N --api-limit L     empty the database, create the channel and N monitors
 *   connect                                 open the three region links, wait for their snapshots
 *   rate --per-s R [--discard true]         offer R observations/s in all (R/3 per region)
 *   drain --max-ms M                        wait until what waits for acknowledgement is what the rate keeps
 *                                           in flight (after the rate dropped below what is accepted)
 *   measure --ms W                          acknowledged per second over W ms, and this JVM's CPU
 *   incidents --count K --slice J --spacing-ms S --timeout-s T   time to incident of K monitors
 *   size                                    sizes and counts in PostgreSQL
 * </pre>
 */
public final class LoadMain {
  private static final Set<String> OPTIONS = Set.of("monitors", "api-limit", "per-s", "discard", "ms", "count",
      "slice", "spacing-ms", "timeout-s", "max-ms");
  /** Events in flight at a steady rate: acknowledgements come every 100 stored events per region. */
  private static final int STEADY_BACKLOG_PER_REGION = 300;

  private LoadMain() {
  }

  public static void main(String[] words) {
    try {
      serve(words);
    } catch (Throwable failure) {
      // Vert.x's threads would keep this JVM alive, and the benchmark waiting for a result that never comes.
      failure.printStackTrace();
      System.exit(1);
    }
  }

  private static void serve(String[] words) throws Exception {
    Commands commands = Commands.fromStdin();
    Args args = Args.parse(words).requireKnown(Set.of("api-port", "grpc", "admin-token", "probe-token"));
    // One event loop per region and one for the webhook server and the API client.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Fixtures.REGIONS.size() + 1));
    WebhookRecorder hooks = new WebhookRecorder();
    hooks.start(vertx).await();
    Load load = new Load(vertx, hooks, BenchDatabase.fromEnvironment(), args.required("grpc"),
        args.required("probe-token"), new Fixtures(vertx, args.integer("api-port", 0), args.required("admin-token")));
    ChildJvm.printReady(new Result().put("webhook", hooks.url()));
    for (Optional<String[]> command = commands.next(); command.isPresent(); command = commands.next()) {
      String name = command.get()[0];
      Args options = Args.parse(java.util.Arrays.copyOfRange(command.get(), 1, command.get().length))
          .requireKnown(OPTIONS);
      ChildJvm.printResult(load.run(name, options));
    }
    System.exit(0);
  }

  /** The load's state between commands; used from main only. */
  private static final class Load {
    private final Vertx vertx;
    private final WebhookRecorder hooks;
    private final BenchDatabase db;
    private final String grpc;
    private final String probeToken;
    private final Fixtures fixtures;
    private final List<RegionLink> regions = new ArrayList<>();
    private double perSecond;

    Load(Vertx vertx, WebhookRecorder hooks, BenchDatabase db, String grpc, String probeToken, Fixtures fixtures) {
      this.vertx = vertx;
      this.hooks = hooks;
      this.db = db;
      this.grpc = grpc;
      this.probeToken = probeToken;
      this.fixtures = fixtures;
    }

    Result run(String command, Args options) throws Exception {
      return switch (command) {
        case "fixtures" -> {
          db.empty();
          yield fixtures.create(options.integer("monitors", 1_000), options.integer("api-limit", 10_000), hooks.url(), db);
        }
        case "connect" -> connect();
        case "rate" -> rate(options.number("per-s", 0), options.flag("discard"));
        case "drain" -> drain(options.number("max-ms", 120_000));
        case "measure" -> measure(options.number("ms", 10_000));
        case "incidents" -> incidents(options);
        case "size" -> db.sizes().put("api_open_incidents", fixtures.openIncidents().await())
            .put("webhook_deliveries", hooks.deliveries()).put("webhook_repeats", hooks.repeats());
        default -> throw new IllegalArgumentException("unknown command " + command);
      };
    }

    private Result connect() {
      long start = System.nanoTime();
      List<Future<String>> deployed = new ArrayList<>();
      for (int i = 0; i < Fixtures.REGIONS.size(); i++) {
        RegionLink region = new RegionLink(Fixtures.REGIONS.get(i), i, Fixtures.REGIONS.size(), grpc, probeToken);
        regions.add(region);
        deployed.add(vertx.deployVerticle(region));
      }
      Future.all(deployed).await();
      return new Result().put("connect_ms", (System.nanoTime() - start) / 1_000_000)
          .put("monitors", regions.get(0).monitors().size());
    }

    private Result rate(long total, boolean discard) {
      perSecond = total;
      Future.all(regions.stream().map(r -> r.rate((double) total / regions.size(), discard)).toList()).await();
      return new Result().put("offered_per_s", total);
    }

    /**
     * Waits until the backlog is what the rate itself keeps in flight: up to 300 events per region plus a
     * tenth of a second of the offered rate, twice in a row 200 ms apart. A backlog left from a saturated
     * window would otherwise sit in front of every observation measured next.
     */
    private Result drain(long maxMs) throws InterruptedException {
      long start = System.nanoTime();
      long steady = (long) STEADY_BACKLOG_PER_REGION * regions.size() + (long) (perSecond / 10);
      int quiet = 0;
      long backlog = Long.MAX_VALUE;
      long waited = 0;
      while (quiet < 2 && waited < maxMs) {
        Thread.sleep(200);
        backlog = counts().stream().mapToLong(RegionLink.Counts::backlog).sum();
        quiet = backlog <= steady ? quiet + 1 : 0;
        waited = (System.nanoTime() - start) / 1_000_000;
      }
      return new Result().put("drain_ms", waited).put("backlog", backlog).put("drained", quiet >= 2);
    }

    private Result measure(long ms) throws InterruptedException {
      List<RegionLink.Counts> before = counts();
      regions.forEach(r -> r.ackDelay().window());
      CpuMeter.Sample from = CpuMeter.sample();
      Thread.sleep(ms);
      CpuMeter.Sample to = CpuMeter.sample();
      List<RegionLink.Counts> after = counts();
      double seconds = (to.wallNanos() - from.wallNanos()) / 1e9;
      Result result = new Result().put("offered_per_s", perSecond);
      long acked = 0;
      long generated = 0;
      long shed = 0;
      int backlog = 0;
      Histogram delays = new Histogram(3);
      for (int i = 0; i < regions.size(); i++) {
        RegionLink.Counts b = before.get(i);
        RegionLink.Counts a = after.get(i);
        if (a.failed()) {
          throw new IllegalStateException("the link of region " + regions.get(i).region() + " failed; see the log");
        }
        result.put("acked_per_s_" + regions.get(i).region(), (a.acked() - b.acked()) / seconds);
        acked += a.acked() - b.acked();
        generated += a.generated() - b.generated();
        shed += a.shed() - b.shed();
        backlog += a.backlog();
        delays.add(regions.get(i).ackDelay().window());
      }
      result.put("acked_per_s", acked / seconds).put("generated_per_s", generated / seconds).put("shed", shed)
          .put("backlog", backlog);
      Latencies.describe(delays, "ack_delay_", result);
      Result cpu = new Result();
      CpuMeter.describe(from, to, cpu);
      return result.put("load_cpu_cores", cpu.number("cpu_cores"));
    }

    private List<RegionLink.Counts> counts() {
      return regions.stream().map(RegionLink::counts).toList();
    }

    private Result incidents(Args options) throws InterruptedException, SQLException {
      int count = options.integer("count", 200);
      int slice = options.integer("slice", 0);
      List<MonitorCycle.Assigned> all = regions.get(0).monitors();
      if ((long) (slice + 1) * count >= all.size()) {
        throw new IllegalArgumentException("not enough monitors for sample " + slice + " of " + count);
      }
      List<MonitorCycle.Assigned> sample = all.subList(slice * count, (slice + 1) * count);
      return IncidentSample.run(regions, hooks, db, sample, options.number("spacing-ms", 50),
          Duration.ofSeconds(options.number("timeout-s", 120))).put("offered_per_s", perSecond);
    }
  }
}
