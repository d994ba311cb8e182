package io.quorate.coordinator.teamview;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One page of the monitor list, filtered, counted and sorted worst first in a single SQL statement, so a
 * page of 50 out of 10,000 monitors reads 50 monitors' details and never their history. A monitor's state
 * is classified in SQL from what is stored (an open incident, region verdicts); only heartbeat states,
 * which depend on schedules and time zones, come from Java and are passed in.
 */
final class MonitorPages {
  /**
   * The state of each monitor as {@code MonitorJson.state} computes it, ranked by {@link MonitorFilter#STATES}. Open
   * incidents and voted verdicts are joined (hash joins over two small index scans), not probed per monitor; a
   * heartbeat's state is looked up in the arrays passed in for heartbeat rows only (a join with the unnested arrays
   * was planned as a nested loop: 10,000 monitors times 500 heartbeats).
   */
  private static final String CLASSIFIED = "WITH classified AS (SELECT m.id, m.name, CASE"
      + "   WHEN o.monitor_id IS NOT NULL THEN 'down'"
      + "   WHEN m.type = 'heartbeat' THEN coalesce(($2::text[])[array_position($1::uuid[], m.id)], 'new')"
      + "   WHEN v.monitor_id IS NOT NULL THEN 'up'"
      + "   ELSE 'pending' END AS state"
      + " FROM monitors m"
      + " LEFT JOIN (SELECT monitor_id FROM incidents WHERE resolved_at IS NULL) o ON o.monitor_id = m.id"
      + " LEFT JOIN (SELECT monitor_id FROM region_verdicts WHERE verdict <> 'pending' GROUP BY monitor_id) v"
      + "   ON v.monitor_id = m.id"
      + " WHERE ($3::text IS NULL OR m.alerting->>'owner' = $3)"
      + "   AND ($4::jsonb IS NULL OR m.alerting->'labels' @> $4::jsonb)"
      + "   AND ($5::text IS NULL OR m.name ILIKE $5 ESCAPE '\\')),"
      + " ranked AS MATERIALIZED (SELECT id, name, state,"
      + "   array_position(ARRAY['down','late','pending','new','paused','running','up'], state) AS rank FROM classified)";
  private static final String PAGE = CLASSIFIED
      + " SELECT 'count' AS kind, NULL::uuid AS id, NULL::text AS name, state, count(*)::int AS n FROM ranked GROUP BY state"
      + " UNION ALL (SELECT 'row', id, name, state, rank FROM ranked"
      + "   WHERE ($6::text[] IS NULL OR state = ANY($6))"
      + "     AND ($7::int IS NULL OR (rank, name, id) > ($7, $8::text, $9::uuid))"
      + "   ORDER BY rank, name, id LIMIT $10)";

  /** Counts per state (under every filter but {@code state}) and the page's rows in order. */
  record Page(Map<String, Integer> counts, List<Row> rows) {
    record Row(UUID id, String name, String state, int rank) {}
  }

  private MonitorPages() {}

  /**
   * @param heartbeatStates every heartbeat monitor's state now
   * @param limit rows to return at most; one more than the page shows, to know whether a next page exists
   */
  static Future<Page> read(SqlClient client, MonitorFilter filter, Map<UUID, String> heartbeatStates, int limit) {
    List<UUID> ids = new ArrayList<>(heartbeatStates.keySet());
    Optional<MonitorCursor> after = filter.after();
    Tuple args = Tuple.tuple()
        .addArrayOfUUID(ids.toArray(UUID[]::new))
        .addArrayOfString(ids.stream().map(heartbeatStates::get).toArray(String[]::new))
        .addString(filter.owner().orElse(null))
        .addValue(filter.labelsJson().orElse(null))
        .addString(filter.text().map(MonitorPages::containing).orElse(null))
        .addArrayOfString(filter.states().isEmpty() ? null : filter.states().toArray(String[]::new))
        .addInteger(after.map(MonitorCursor::rank).orElse(null))
        .addString(after.map(MonitorCursor::name).orElse(null))
        .addUUID(after.map(MonitorCursor::id).orElse(null))
        .addInteger(limit);
    return client.preparedQuery(PAGE).execute(args).map(result -> {
      Map<String, Integer> counts = new LinkedHashMap<>();
      MonitorFilter.STATES.forEach(state -> counts.put(state, 0));
      List<Page.Row> rows = new ArrayList<>();
      for (Row row : result) {
        if ("count".equals(row.getString("kind"))) {
          counts.put(row.getString("state"), row.getInteger("n"));
        } else {
          rows.add(new Page.Row(row.getUUID("id"), row.getString("name"), row.getString("state"), row.getInteger("n")));
        }
      }
      return new Page(counts, rows);
    });
  }

  /** Every owner named on a monitor, for the owner filter's choices (at most 1,000). */
  static Future<List<String>> owners(SqlClient client) {
    return client.query("SELECT DISTINCT alerting->>'owner' AS owner FROM monitors WHERE alerting->>'owner' <> ''"
            + " ORDER BY 1 LIMIT 1000").execute()
        .map(rows -> {
          List<String> owners = new ArrayList<>();
          rows.forEach(row -> owners.add(row.getString(0)));
          return owners;
        });
  }

  /** An ILIKE pattern matching names that contain the text, with the text's own % and _ taken literally. */
  private static String containing(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  static JsonObject countsJson(Map<String, Integer> counts) {
    JsonObject json = new JsonObject();
    counts.forEach(json::put);
    return json;
  }
}
