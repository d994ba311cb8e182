package io.quorate.coordinator.heartbeat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A heartbeat's recent pings (with their bodies: a fail ping's body is the error) and job runs, newest first. */
final class PingHistory {
  private PingHistory() {}

  /** @param kind one of success, start, fail, log; empty for all */
  static Future<JsonArray> pings(SqlClient client, UUID monitorId, Optional<String> kind, int limit) {
    return client.preparedQuery("SELECT event_id, received_at, stored_at, region, probe_node, kind, exit_status, run_id,"
            + " method, body, body_truncated, failure, conditions, user_agent, remote_address FROM pings"
            + " WHERE monitor_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY received_at DESC LIMIT $3")
        .execute(Tuple.of(monitorId, kind.orElse(null), limit))
        .map(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(row -> out.add(ping(row)));
          return out;
        });
  }

  private static JsonObject ping(Row row) {
    return new JsonObject()
        .put("id", row.getString("event_id"))
        .put("received_at", time(row.getOffsetDateTime("received_at")))
        .put("stored_at", time(row.getOffsetDateTime("stored_at")))
        .put("region", row.getString("region"))
        .put("probe_node", row.getString("probe_node"))
        .put("kind", row.getString("kind"))
        .put("exit_status", row.getInteger("exit_status"))
        .put("run_id", row.getString("run_id"))
        .put("method", row.getString("method"))
        .put("body", row.getString("body"))
        .put("body_truncated", row.getBoolean("body_truncated"))
        .put("failure", row.getString("failure"))
        .put("conditions", row.getValue("conditions") instanceof JsonArray lines ? lines : new JsonArray())
        .put("user_agent", row.getString("user_agent"))
        .put("remote_address", row.getString("remote_address"));
  }

  static Future<JsonArray> runs(SqlClient client, UUID monitorId, int limit) {
    return client.preparedQuery("SELECT run_id, started_at, start_region, finished_at, outcome FROM heartbeat_runs"
            + " WHERE monitor_id = $1 ORDER BY started_at DESC LIMIT $2")
        .execute(Tuple.of(monitorId, limit))
        .map(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(row -> {
            OffsetDateTime started = row.getOffsetDateTime("started_at");
            OffsetDateTime finished = row.getOffsetDateTime("finished_at");
            out.add(new JsonObject()
                .put("run_id", row.getString("run_id"))
                .put("started_at", time(started))
                .put("region", row.getString("start_region"))
                .put("finished_at", finished == null ? null : time(finished))
                .put("outcome", row.getString("outcome"))
                .put("duration_ms", finished == null ? null : Duration.between(started, finished).toMillis()));
          });
          return out;
        });
  }

  private static String time(OffsetDateTime time) {
    return time.toInstant().toString();
  }
}
