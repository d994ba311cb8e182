package io.quorate.coordinator.quorum;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code region_verdicts} table. */
public final class RegionVerdictStore {
  /**
   * A verdict with its newest run's details: from the run's observation ({@code last_event_id}), or for a verdict
   * written before V15 from the copies it kept ({@code measured}, {@code last_run}).
   */
  private static final String DETAILED = "SELECT v.monitor_id, v.region, v.verdict, v.last_outcome, v.streak,"
      + " v.last_observed_at, v.reason, v.measured, v.last_run, o.event_id AS run_event_id, o.measured AS run_measured,"
      + " o.failure_kind, o.status_code, o.latency_ms, o.conditions, o.series, o.cert_expires_at"
      + " FROM region_verdicts v LEFT JOIN observations o ON o.event_id = v.last_event_id";

  private static final String VOTE_COLUMNS = "monitor_id, region, verdict, last_outcome, streak, last_observed_at, reason";
  private static final String ON_CONFLICT_UPDATE = " ON CONFLICT (monitor_id, region) DO UPDATE SET"
      + " verdict = EXCLUDED.verdict, last_outcome = EXCLUDED.last_outcome, streak = EXCLUDED.streak,"
      + " last_observed_at = EXCLUDED.last_observed_at, reason = EXCLUDED.reason,"
      + " last_event_id = EXCLUDED.last_event_id, measured = '{}', last_run = '{}'";

  private RegionVerdictStore() {}

  public static Future<Map<String, RegionVerdict>> forMonitor(SqlClient client, UUID monitorId) {
    return client.preparedQuery(DETAILED + " WHERE v.monitor_id = $1")
        .execute(Tuple.of(monitorId))
        .map(rows -> {
          Map<String, RegionVerdict> verdicts = new HashMap<>();
          rows.forEach(row -> verdicts.put(row.getString("region"), toVerdict(row)));
          return verdicts;
        });
  }

  /**
   * These monitors' votes, by monitor and region (a monitor without any maps to an empty map): the verdicts
   * without their newest run's details ({@code measured} and {@code last_run} read as empty), which folding
   * and deciding do not read, so thousands a second are not parsed from JSON for nothing.
   */
  public static Future<Map<UUID, Map<String, RegionVerdict>>> votesOf(SqlClient client, List<UUID> monitorIds) {
    return client.preparedQuery("SELECT " + VOTE_COLUMNS + " FROM region_verdicts WHERE monitor_id = ANY($1)")
        .execute(Tuple.of(monitorIds.toArray(UUID[]::new)))
        .map(rows -> {
          Map<UUID, Map<String, RegionVerdict>> verdicts = new HashMap<>();
          monitorIds.forEach(id -> verdicts.put(id, new HashMap<>()));
          rows.forEach(row -> verdicts.get(row.getUUID("monitor_id")).put(row.getString("region"), new RegionVerdict(
              row.getString("region"), Verdict.fromLabel(row.getString("verdict")),
              "down".equals(row.getString("last_outcome")), row.getInteger("streak"),
              row.getOffsetDateTime("last_observed_at").toInstant(), row.getString("reason"), new JsonObject(),
              new JsonObject())));
          return verdicts;
        });
  }

  /** These monitors' verdicts with their newest run's details, for one page of the monitor list. */
  public static Future<Map<UUID, List<RegionVerdict>>> forMonitors(SqlClient client, List<UUID> monitorIds) {
    return client.preparedQuery(DETAILED + " WHERE v.monitor_id = ANY($1) ORDER BY v.region")
        .execute(Tuple.of(monitorIds.toArray(UUID[]::new)))
        .map(rows -> {
          Map<UUID, List<RegionVerdict>> verdicts = new HashMap<>();
          rows.forEach(row -> verdicts.computeIfAbsent(row.getUUID("monitor_id"), id -> new ArrayList<>()).add(toVerdict(row)));
          return verdicts;
        });
  }

  /** Every monitor's verdicts, for listing many monitors with one query. */
  public static Future<Map<UUID, List<RegionVerdict>>> all(SqlClient client) {
    return client.query(DETAILED + " ORDER BY v.region").execute()
        .map(rows -> {
          Map<UUID, List<RegionVerdict>> verdicts = new HashMap<>();
          rows.forEach(row -> verdicts.computeIfAbsent(row.getUUID("monitor_id"), id -> new ArrayList<>()).add(toVerdict(row)));
          return verdicts;
        });
  }

  /**
   * One region's verdict on one monitor, as {@link #saveAll} writes it.
   *
   * @param lastEventId the observation that made it: readers take the newest run's details from there
   */
  public record MonitorVerdict(UUID monitorId, RegionVerdict verdict, String lastEventId) {}

  /**
   * Writes many verdicts in one statement, without their newest run's details (the readers join the run). Each
   * (monitor, region) may appear once only: PostgreSQL refuses to update one row twice in a statement.
   */
  public static Future<Void> saveAll(SqlClient tx, List<MonitorVerdict> verdicts) {
    if (verdicts.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = verdicts.size();
    UUID[] monitorIds = new UUID[n];
    String[] regions = new String[n];
    String[] labels = new String[n];
    String[] outcomes = new String[n];
    Integer[] streaks = new Integer[n];
    OffsetDateTime[] observedAt = new OffsetDateTime[n];
    String[] reasons = new String[n];
    String[] eventIds = new String[n];
    for (int i = 0; i < n; i++) {
      RegionVerdict v = verdicts.get(i).verdict();
      monitorIds[i] = verdicts.get(i).monitorId();
      regions[i] = v.region();
      labels[i] = v.verdict().label();
      outcomes[i] = v.lastOutcomeDown() ? "down" : "up";
      streaks[i] = v.streak();
      observedAt[i] = utc(v.lastObservedAt());
      reasons[i] = v.reason();
      eventIds[i] = verdicts.get(i).lastEventId();
    }
    return tx.preparedQuery("INSERT INTO region_verdicts (" + VOTE_COLUMNS + ", last_event_id) SELECT m, r, v, o, s, t,"
            + " why, e FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::timestamptz[],"
            + " $7::text[], $8::text[]) AS u(m, r, v, o, s, t, why, e)" + ON_CONFLICT_UPDATE)
        .execute(Tuple.from(new Object[] {monitorIds, regions, labels, outcomes, streaks, observedAt, reasons, eventIds}))
        .mapEmpty();
  }

  private static RegionVerdict toVerdict(Row row) {
    boolean fromRun = row.getString("run_event_id") != null;
    return new RegionVerdict(row.getString("region"), Verdict.fromLabel(row.getString("verdict")),
        "down".equals(row.getString("last_outcome")), row.getInteger("streak"),
        row.getOffsetDateTime("last_observed_at").toInstant(), row.getString("reason"),
        (JsonObject) row.getValue(fromRun ? "run_measured" : "measured"),
        fromRun ? ObservationJson.lastRun(row) : (JsonObject) row.getValue("last_run"));
  }
}
