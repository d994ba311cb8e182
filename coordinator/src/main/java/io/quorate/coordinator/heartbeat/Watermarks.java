package io.quorate.coordinator.heartbeat;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Probe nodes' watermarks in PostgreSQL. A region's watermark is its lowest node's: pings are spread over
 * a region's nodes, so the region has delivered everything only when each node has. A node that has not
 * reported for {@link #NODE_EXPIRY} no longer holds its region back (it was removed, or it is cut off for
 * so long that waiting for it would hide real outages); a region whose nodes all expired is not counted.
 */
public final class Watermarks {
  public static final Duration NODE_EXPIRY = Duration.ofMinutes(10);

  private Watermarks() {}

  /** Moves a node's watermark forward (never back: a resent watermark after a reconnect may be older). */
  public static Future<Void> record(SqlClient client, String region, String nodeId, Instant receivedBefore, Instant now) {
    return client.preparedQuery("INSERT INTO probe_watermarks (region, node_id, received_before, updated_at)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT (region, node_id) DO UPDATE"
            + " SET received_before = GREATEST(probe_watermarks.received_before, excluded.received_before),"
            + " updated_at = excluded.updated_at")
        .execute(Tuple.of(region, nodeId, utc(receivedBefore), utc(now)))
        .mapEmpty();
  }

  /** Each counted region's watermark. */
  public static Future<Map<String, Instant>> regions(SqlClient client, Instant now) {
    return client.preparedQuery("SELECT region, min(received_before) FROM probe_watermarks WHERE updated_at > $1"
            + " GROUP BY region")
        .execute(Tuple.of(utc(now.minus(NODE_EXPIRY))))
        .map(rows -> {
          Map<String, Instant> regions = new HashMap<>();
          rows.forEach(row -> regions.put(row.getString(0), row.getOffsetDateTime(1).toInstant()));
          return regions;
        });
  }
}
