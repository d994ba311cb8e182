package io.quorate.coordinator.quorum;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code region_verdicts} table. */
public final class RegionVerdictStore {
  private static final String COLUMNS = "monitor_id, region, verdict, last_outcome, streak, last_observed_at, reason, measured, last_run";

  private RegionVerdictStore() {}

  public static Future<Map<String, RegionVerdict>> forMonitor(SqlClient client, UUID monitorId) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM region_verdicts WHERE monitor_id = $1")
        .execute(Tuple.of(monitorId))
        .map(rows -> {
          Map<String, RegionVerdict> verdicts = new HashMap<>();
          rows.forEach(row -> verdicts.put(row.getString("region"), toVerdict(row)));
          return verdicts;
        });
  }

  /** Every monitor's verdicts, for listing many monitors with one query. */
  public static Future<Map<UUID, List<RegionVerdict>>> all(SqlClient client) {
    return client.query("SELECT " + COLUMNS + " FROM region_verdicts ORDER BY region").execute()
        .map(rows -> {
          Map<UUID, List<RegionVerdict>> verdicts = new HashMap<>();
          rows.forEach(row -> verdicts.computeIfAbsent(row.getUUID("monitor_id"), id -> new ArrayList<>()).add(toVerdict(row)));
          return verdicts;
        });
  }

  public static Future<Void> save(SqlClient tx, UUID monitorId, RegionVerdict v) {
    return tx.preparedQuery("INSERT INTO region_verdicts (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            + " ON CONFLICT (monitor_id, region) DO UPDATE SET verdict = EXCLUDED.verdict,"
            + " last_outcome = EXCLUDED.last_outcome, streak = EXCLUDED.streak,"
            + " last_observed_at = EXCLUDED.last_observed_at, reason = EXCLUDED.reason, measured = EXCLUDED.measured,"
            + " last_run = EXCLUDED.last_run")
        .execute(Tuple.from(new Object[] {monitorId, v.region(), v.verdict().label(), v.lastOutcomeDown() ? "down" : "up", v.streak(),
            utc(v.lastObservedAt()), v.reason(), v.measured(), v.lastRun()}))
        .mapEmpty();
  }

  private static RegionVerdict toVerdict(Row row) {
    return new RegionVerdict(row.getString("region"), Verdict.fromLabel(row.getString("verdict")),
        "down".equals(row.getString("last_outcome")), row.getInteger("streak"),
        row.getOffsetDateTime("last_observed_at").toInstant(), row.getString("reason"),
        (JsonObject) row.getValue("measured"), (JsonObject) row.getValue("last_run"));
  }
}
