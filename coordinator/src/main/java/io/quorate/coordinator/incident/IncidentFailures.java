package io.quorate.coordinator.incident;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The failures seen while an incident was open, grouped into buckets with a count: failed checks from
 * every region and, for heartbeats, fail pings and pings whose body broke a condition. Oldest first, so
 * each bucket's example is its first occurrence.
 */
public final class IncidentFailures {
  /** Enough to find the top reasons of a long incident without reading its whole history. */
  private static final int MAX_FAILURES = 5000;

  private IncidentFailures() {}

  public static Future<JsonArray> read(SqlClient client, Incident incident, Instant now) {
    Instant until = incident.resolvedAt().orElse(now);
    Tuple window = Tuple.of(incident.monitorId(), incident.openedAt().atOffset(ZoneOffset.UTC),
        until.atOffset(ZoneOffset.UTC));
    return client.preparedQuery("SELECT failure_kind AS kind, reason, observed_at AS at FROM observations"
            + " WHERE monitor_id = $1 AND outcome = 'down' AND observed_at BETWEEN $2 AND $3"
            + " UNION ALL SELECT 'job_failed', CASE WHEN failure <> '' THEN failure ELSE body END, received_at FROM pings"
            + " WHERE monitor_id = $1 AND (kind = 'fail' OR failure <> '') AND received_at BETWEEN $2 AND $3"
            + " ORDER BY at LIMIT " + MAX_FAILURES)
        .execute(window)
        .map(rows -> {
          List<String[]> failures = new ArrayList<>();
          rows.forEach(row -> failures.add(new String[] {row.getString("kind"), row.getString("reason")}));
          JsonArray buckets = new JsonArray();
          FailureBuckets.group(failures).forEach(bucket -> buckets.add(new JsonObject()
              .put("label", bucket.label()).put("count", bucket.count()).put("example", bucket.example())));
          return buckets;
        });
  }
}
