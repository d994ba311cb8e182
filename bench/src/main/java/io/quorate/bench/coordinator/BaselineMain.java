package io.quorate.bench.coordinator;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.bench.support.Args;
import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Commands;
import io.quorate.bench.support.CpuMeter;
import io.quorate.bench.support.JitSettle;
import io.quorate.bench.support.Result;
import io.quorate.coordinator.quorum.ObservationJson;
import io.quorate.link.v1.Observation;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline JVM: what the same PostgreSQL takes in through a plain Vert.x pg client, built as the
 * coordinator builds its pool ({@code PgBuilder}, 8 connections, prepared statements cached), writing the same rows the coordinator
 * writes for an observation (the same INSERT, values converted by the coordinator's own
 * {@code ObservationJson}) from the same number of concurrent lanes as there are region streams, each
 * lane one transaction after another as a {@code ProbeSession} stores one observation after another.
 * {@code --rows-per-tx 1} is one observation per transaction (how the coordinator stored them before it
 * stored a probe's batch in one transaction); 256 is the largest batch the coordinator stores, with none of
 * its reads, locks or verdict writes: the ceiling for its ingest on the same database. Commands: {@code start --rows-per-tx B --lanes L}, {@code settle},
 * {@code measure --ms W}, {@code stop}.
 */
public final class BaselineMain {
  static final String INSERT = "INSERT INTO observations (event_id, monitor_id, region, probe_node, observed_at,"
      + " received_at, outcome, reason, latency_ms, measured, conditions, failure_kind, series, status_code,"
      + " cert_expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
      + " ON CONFLICT (event_id) DO NOTHING";

  private BaselineMain() {
  }

  public static void main(String[] words) throws Exception {
    Commands commands = Commands.fromStdin();
    Args args = Args.parse(words).requireKnown(Set.of("pg-pid"));
    int postmaster = args.integer("pg-pid", -1);
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8))
        .connectingTo(BenchDatabase.fromEnvironment().url().connectOptions().setCachePreparedStatements(true)).using(vertx)
        .build();
    List<UUID> monitors = new ArrayList<>();
    for (Row row : pool.query("SELECT id FROM monitors ORDER BY name").execute().await()) {
      monitors.add(row.getUUID(0));
    }
    ChildJvm.printReady(new Result().put("monitors", monitors.size()));
    Lanes lanes = null;
    for (Optional<String[]> command = commands.next(); command.isPresent(); command = commands.next()) {
      Args options = Args.parse(command.get()).requireKnown(Set.of("rows-per-tx", "lanes", "ms", "min-ms", "max-ms"));
      Result result = new Result();
      switch (command.get()[0]) {
        case "start" -> {
          lanes = new Lanes(vertx, pool, monitors, options.integer("rows-per-tx", 1));
          lanes.start(options.integer("lanes", Fixtures.REGIONS.size()));
        }
        case "settle" -> result.put("warmup_ms",
            JitSettle.await(options.number("min-ms", 3_000), options.number("max-ms", 20_000)));
        case "measure" -> result = measure(lanes, options.number("ms", 10_000), postmaster);
        case "stop" -> lanes.stop().await();
        default -> throw new IllegalArgumentException("unknown command " + command.get()[0]);
      }
      ChildJvm.printResult(result);
    }
    System.exit(0);
  }

  private static Result measure(Lanes lanes, long ms, int postmaster) throws InterruptedException {
    long rowsBefore = lanes.rows.get();
    double pgBefore = postmaster > 0 ? PgProcesses.cpuSeconds(postmaster) : Double.NaN;
    CpuMeter.Sample from = CpuMeter.sample();
    Thread.sleep(ms);
    CpuMeter.Sample to = CpuMeter.sample();
    double pgAfter = postmaster > 0 ? PgProcesses.cpuSeconds(postmaster) : Double.NaN;
    long rows = lanes.rows.get() - rowsBefore;
    double seconds = (to.wallNanos() - from.wallNanos()) / 1e9;
    Result result = new Result().put("rows_per_s", rows / seconds).put("rows_per_tx", lanes.rowsPerTx);
    CpuMeter.describe(from, to, result);
    return result.put("pg_cpu_cores", (pgAfter - pgBefore) / seconds);
  }

  /** Transactions one after another in each lane, until stopped. */
  private static final class Lanes {
    private final Vertx vertx;
    private final Pool pool;
    private final List<UUID> monitors;
    private final int rowsPerTx;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong rows = new AtomicLong();
    private final List<Future<Void>> running = new ArrayList<>();
    private volatile boolean stopping;

    Lanes(Vertx vertx, Pool pool, List<UUID> monitors, int rowsPerTx) {
      this.vertx = vertx;
      this.pool = pool;
      this.monitors = monitors;
      this.rowsPerTx = rowsPerTx;
    }

    void start(int count) {
      for (int lane = 0; lane < count; lane++) {
        Promise<Void> done = Promise.promise();
        int index = lane;
        vertx.runOnContext(v -> next(index, MonitorCycle.offset(index, count, monitors.size()), 0, done));
        running.add(done.future());
      }
    }

    private void next(int lane, int cursor, long n, Promise<Void> done) {
      if (stopping) {
        done.complete();
        return;
      }
      List<Tuple> batch = new ArrayList<>(rowsPerTx);
      int at = cursor;
      for (int i = 0; i < rowsPerTx; i++) {
        batch.add(row("baseline-" + runId + "-" + lane + "-" + (n + i), monitors.get(at), Fixtures.REGIONS.get(lane
            % Fixtures.REGIONS.size())));
        at = at + 1 == monitors.size() ? 0 : at + 1;
      }
      int nextCursor = at;
      Future<?> stored = pool.withTransaction(tx -> rowsPerTx == 1
          ? tx.preparedQuery(INSERT).execute(batch.get(0))
          : tx.preparedQuery(INSERT).executeBatch(batch));
      stored.onComplete(result -> {
        if (result.failed()) {
          done.fail(result.cause());
          return;
        }
        rows.addAndGet(rowsPerTx);
        next(lane, nextCursor, n + rowsPerTx, done);
      });
    }

    /** The row {@code ObservationIngest} writes for an UP observation, values converted the same way. */
    private static Tuple row(String eventId, UUID monitorId, String region) {
      Instant now = Instant.now();
      Observation o = Observations.of(monitorId.toString(), 1, region, now.toEpochMilli(), false);
      return Tuple.from(new Object[] {eventId, monitorId, region, region + "-baseline",
          utc(Instant.ofEpochMilli(o.getObservedAtMs())), utc(now), "up", o.getReason(), o.getLatencyMs(),
          ObservationJson.values(o), ObservationJson.conditions(o), ObservationJson.failureKind(o),
          ObservationJson.series(o), o.getStatusCode(), null});
    }

    Future<Void> stop() {
      stopping = true;
      return Future.all(running).mapEmpty();
    }
  }
}
