package io.quorate.coordinator.heartbeat;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.heartbeat.HeartbeatFacts.FleetCounts;
import io.quorate.coordinator.heartbeat.HeartbeatFacts.OpenRun;
import io.quorate.coordinator.monitor.FleetRule;
import io.quorate.coordinator.monitor.HeartbeatSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Reads {@link HeartbeatFacts} for all heartbeat monitors, or some, in a few queries. */
public final class HeartbeatFactsStore {
  private static final String STATE = "h.last_success_at, h.last_success_region, h.last_success_stored_at,"
      + " h.last_ping_at AS hb_last_ping_at, h.last_fail_at, h.last_fail_reason, h.armed_at, h.paused, h.snoozed_until";

  private HeartbeatFactsStore() {}

  /** A heartbeat monitor, its facts, and the time up to which its pings are known. */
  public record Loaded(Monitor monitor, HeartbeatSpec spec, HeartbeatFacts facts, KnownUntil knownUntil) {}

  /**
   * @param ids the monitors to read, or empty for every heartbeat monitor
   * @param knownUntil the known-until time for a monitor's quorum (fleet windows end there)
   */
  public static Future<List<Loaded>> load(SqlClient client, Optional<List<UUID>> ids,
      Function<HeartbeatSpec, KnownUntil> knownUntil) {
    String filter = ids.isPresent() ? " AND m.id = ANY($1)" : "";
    Tuple args = ids.map(list -> Tuple.of(list.toArray(UUID[]::new))).orElse(Tuple.tuple());
    Future<List<Row>> monitors = client.preparedQuery("SELECT " + prefixed() + ", " + STATE
            + " FROM monitors m JOIN heartbeat_state h ON h.monitor_id = m.id WHERE m.type = 'heartbeat'" + filter)
        .execute(args).map(HeartbeatFactsStore::rows);
    Future<Map<UUID, List<OpenRun>>> runs = client.preparedQuery("SELECT monitor_id, run_id, started_at, start_region"
            + " FROM heartbeat_runs WHERE finished_at IS NULL" + filter.replace("m.id", "monitor_id") + " ORDER BY started_at")
        .execute(args).map(HeartbeatFactsStore::openRuns);
    return Future.all(monitors, runs).compose(both -> assemble(client, monitors.result(), runs.result(), knownUntil));
  }

  private static Future<List<Loaded>> assemble(SqlClient client, List<Row> rows, Map<UUID, List<OpenRun>> runs,
      Function<HeartbeatSpec, KnownUntil> knownUntil) {
    List<Future<Loaded>> loaded = new ArrayList<>();
    for (Row row : rows) {
      Monitor monitor = MonitorStore.toMonitor(row);
      HeartbeatSpec spec = (HeartbeatSpec) monitor.spec();
      KnownUntil known = knownUntil.apply(spec);
      Future<Optional<FleetCounts>> fleet = spec.fleet().isPresent()
          ? fleetCounts(client, monitor.id(), spec.fleet().get(), known.at()).map(Optional::of)
          : Future.succeededFuture(Optional.empty());
      loaded.add(fleet.map(counts -> new Loaded(monitor, spec,
          facts(row, monitor, runs.getOrDefault(monitor.id(), List.of()), counts), known)));
    }
    return Future.all(loaded).map(all -> all.<Loaded>list());
  }

  private static HeartbeatFacts facts(Row row, Monitor monitor, List<OpenRun> runs, Optional<FleetCounts> fleet) {
    return new HeartbeatFacts(monitor.createdAt(), time(row, "last_success_at"),
        Optional.ofNullable(row.getString("last_success_region")), time(row, "last_success_stored_at"),
        time(row, "last_fail_at"), Optional.ofNullable(row.getString("last_fail_reason")).orElse(""),
        time(row, "armed_at"), row.getBoolean("paused"), time(row, "snoozed_until"),
        row.getOffsetDateTime("hb_last_ping_at") != null, runs, fleet);
  }

  /** Successes and failures received in {@code (to - window, to]}. */
  private static Future<FleetCounts> fleetCounts(SqlClient client, UUID monitorId, FleetRule rule, Instant to) {
    Instant from = HeartbeatEvaluator.fleetWindowStart(rule, to);
    return client.preparedQuery("SELECT count(*) FILTER (WHERE kind = 'success' AND failure = ''),"
            + " count(*) FILTER (WHERE kind = 'fail' OR (kind = 'success' AND failure <> ''))"
            + " FROM pings WHERE monitor_id = $1 AND received_at > $2 AND received_at <= $3")
        .execute(Tuple.of(monitorId, utc(from), utc(to)))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new FleetCounts(from, to, row.getLong(0), row.getLong(1));
        });
  }

  private static String prefixed() {
    return String.join(", ", java.util.Arrays.stream(MonitorStore.COLUMNS.split(",\\s*")).map(c -> "m." + c).toList());
  }

  private static List<Row> rows(Iterable<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }

  private static Map<UUID, List<OpenRun>> openRuns(Iterable<Row> rows) {
    Map<UUID, List<OpenRun>> runs = new HashMap<>();
    rows.forEach(row -> runs.computeIfAbsent(row.getUUID("monitor_id"), id -> new ArrayList<>())
        .add(new OpenRun(row.getString("run_id"), row.getOffsetDateTime("started_at").toInstant(),
            row.getString("start_region"))));
    return runs;
  }

  private static Optional<Instant> time(Row row, String column) {
    return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
  }
}
