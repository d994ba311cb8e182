package io.quorate.coordinator.teamview;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.monitor.Durations;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A monitor's series downsampled in PostgreSQL: per bucket the largest value of each named series over every
 * region (a queue is as bad as its worst view), and the runs that passed and failed, for uptime bars. Only the
 * buckets rows fall in come back; the incidents overlapping the range come with them.
 */
final class SeriesQuery {
  private SeriesQuery() {}

  static Future<JsonObject> read(SqlClient client, UUID monitorId, SeriesRequest request) {
    return Future.all(points(client, monitorId, request), incidents(client, monitorId, request)).map(all -> {
      JsonArray points = all.resultAt(0);
      long up = 0;
      long down = 0;
      for (Object point : points) {
        up += ((JsonObject) point).getLong("up");
        down += ((JsonObject) point).getLong("down");
      }
      return new JsonObject()
          .put("monitor_id", monitorId.toString())
          .put("from", request.from().toString())
          .put("to", request.to().toString())
          .put("step", Durations.format(request.step()))
          .put("names", new JsonArray(request.names()))
          .put("points", points)
          .put("uptime", up + down == 0 ? null : (double) up / (up + down))
          .put("incidents", all.resultAt(1));
    });
  }

  /**
   * From the five-minute rollups when the step is made of whole rollup buckets (the request's range is then
   * aligned to them), else from the runs themselves: steps under five minutes only come with short ranges.
   */
  private static Future<JsonArray> points(SqlClient client, UUID monitorId, SeriesRequest request) {
    boolean rollups = request.fromRollups();
    StringBuilder sql = new StringBuilder(rollups
        ? "SELECT floor(extract(epoch FROM bucket_start - $2) * 1000 / $4)::bigint AS bucket,"
            + " sum(up)::int AS up, sum(down)::int AS down"
        : "SELECT floor(extract(epoch FROM observed_at - $2) * 1000 / $4)::bigint AS bucket,"
            + " count(*) FILTER (WHERE outcome = 'up')::int AS up, count(*) FILTER (WHERE outcome = 'down')::int AS down");
    Tuple args = Tuple.of(monitorId, utc(request.from()), utc(request.to()), request.step().toMillis());
    for (int i = 0; i < request.names().size(); i++) {
      int p = 5 + i;
      // Rollups hold numbers only; a run's series is checked, so a stray non-number never fails the chart.
      sql.append(rollups ? ", max((series_max ->> $" + p + "::text)::float8) AS s" + i
          : ", max(CASE WHEN jsonb_typeof(series -> $" + p + "::text) = 'number' THEN (series ->> $" + p
              + "::text)::float8 END) AS s" + i);
      args.addString(request.names().get(i));
    }
    sql.append(rollups
        ? " FROM observation_rollups WHERE monitor_id = $1 AND bucket_start >= $2 AND bucket_start < $3"
        : " FROM observations WHERE monitor_id = $1 AND observed_at >= $2 AND observed_at < $3");
    sql.append(" GROUP BY bucket ORDER BY bucket");
    return client.preparedQuery(sql.toString()).execute(args).map(rows -> {
      JsonArray points = new JsonArray();
      for (Row row : rows) {
        Instant at = request.from().plus(request.step().multipliedBy(row.getLong("bucket")));
        JsonObject point = new JsonObject().put("at", at.toString())
            .put("up", row.getInteger("up")).put("down", row.getInteger("down"));
        for (int i = 0; i < request.names().size(); i++) {
          point.put(request.names().get(i), row.getDouble("s" + i));
        }
        points.add(point);
      }
      return points;
    });
  }

  private static Future<JsonArray> incidents(SqlClient client, UUID monitorId, SeriesRequest request) {
    return client.preparedQuery("SELECT id, opened_at, resolved_at, reason FROM incidents WHERE monitor_id = $1"
            + " AND opened_at < $3 AND (resolved_at IS NULL OR resolved_at > $2) ORDER BY opened_at")
        .execute(Tuple.of(monitorId, utc(request.from()), utc(request.to())))
        .map(rows -> {
          JsonArray incidents = new JsonArray();
          for (Row row : rows) {
            OffsetDateTime resolved = row.getOffsetDateTime("resolved_at");
            incidents.add(new JsonObject().put("id", row.getUUID("id").toString())
                .put("opened_at", row.getOffsetDateTime("opened_at").toInstant().toString())
                .put("resolved_at", resolved == null ? null : resolved.toInstant().toString())
                .put("reason", row.getString("reason")));
          }
          return incidents;
        });
  }
}
