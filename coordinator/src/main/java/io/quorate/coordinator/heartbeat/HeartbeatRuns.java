package io.quorate.coordinator.heartbeat;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.heartbeat.PingIngest.StoredPing;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * Job runs from start pings and their completions. A start opens a run (a newer start with the same run id,
 * or without one, restarts it); the earliest completion with the same run id received at or after the start
 * closes it. Closing looks at every stored completion, not just this batch's, because regions deliver out of
 * order: a start relayed late by a cut-off region may arrive after its completion.
 */
final class HeartbeatRuns {
  private HeartbeatRuns() {}

  static Future<Void> record(SqlClient tx, List<StoredPing> fresh) {
    List<Tuple> starts = fresh.stream().filter(p -> "start".equals(p.classified().kind()))
        .map(p -> Tuple.of(p.monitorId(), p.incoming().ping().getRunId(), utc(p.receivedAt()), p.incoming().region()))
        .toList();
    List<UUID> touched = fresh.stream().filter(p -> !"log".equals(p.classified().kind()))
        .map(StoredPing::monitorId).distinct().toList();
    Future<Void> opened = starts.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(
            "WITH restarted AS (UPDATE heartbeat_runs SET started_at = $3, start_region = $4 WHERE monitor_id = $1"
                + " AND run_id = $2 AND finished_at IS NULL AND started_at < $3 RETURNING 1)"
                + " INSERT INTO heartbeat_runs (monitor_id, run_id, started_at, start_region) SELECT $1, $2, $3, $4"
                + " WHERE NOT EXISTS (SELECT 1 FROM restarted) ON CONFLICT DO NOTHING")
        .executeBatch(starts).mapEmpty();
    return touched.isEmpty() ? opened : opened.compose(v -> close(tx, touched));
  }

  private static Future<Void> close(SqlClient tx, List<UUID> monitors) {
    return tx.preparedQuery("UPDATE heartbeat_runs r SET finished_at = c.received_at, outcome = c.outcome"
            + " FROM (SELECT o.id, first.received_at, first.outcome FROM heartbeat_runs o"
            + " CROSS JOIN LATERAL (SELECT p.received_at,"
            + " CASE WHEN p.kind = 'fail' OR p.failure <> '' THEN 'fail' ELSE 'success' END AS outcome"
            + " FROM pings p WHERE p.monitor_id = o.monitor_id AND p.run_id = o.run_id AND p.kind IN ('success', 'fail')"
            + " AND p.received_at >= o.started_at ORDER BY p.received_at LIMIT 1) first"
            + " WHERE o.finished_at IS NULL AND o.monitor_id = ANY($1)) c WHERE r.id = c.id")
        .execute(Tuple.of(monitors.toArray(UUID[]::new))).mapEmpty();
  }
}
