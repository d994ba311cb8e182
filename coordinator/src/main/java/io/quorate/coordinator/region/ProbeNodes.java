package io.quorate.coordinator.region;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.notify.Alert;
import io.quorate.link.v1.Hello;
import io.quorate.link.v1.ProbeHealth;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code probe_nodes} table: written by the node a probe is linked to, read by every node. */
public final class ProbeNodes {
  /** A node not heard from for this long is forgotten, and with it a region nobody runs any more. */
  public static final Duration FORGET_AFTER = Duration.ofDays(7);
  private static final int MAX_DETAIL = 500;

  private ProbeNodes() {}

  /** A probe said Hello to {@code coordinatorNode}: linked from now, judged healthy until it reports. */
  public static Future<Void> connected(SqlClient client, Hello hello, String coordinatorNode, Instant now,
      String address, Optional<UUID> tokenId) {
    return client.preparedQuery("INSERT INTO probe_nodes (node_id, region, version, coordinator_node, connected_since,"
            + " last_seen_at, address, token_id) VALUES ($1, $2, $3, $4, $5, $5, $6, $7) ON CONFLICT (node_id) DO UPDATE"
            + " SET region = $2, version = $3, coordinator_node = $4, connected_since = $5, last_seen_at = $5,"
            + " disconnected_at = NULL, connectivity_ok = true, connectivity_detail = '', events_pending = 0,"
            + " address = $6, token_id = $7")
        .execute(Tuple.from(List.of(hello.getNodeId(), hello.getRegion(), hello.getVersion(), coordinatorNode, utc(now),
            address)).addValue(tokenId.orElse(null)))
        .mapEmpty();
  }

  /** The probe's own health report. */
  public static Future<Void> reported(SqlClient client, Hello hello, ProbeHealth health, Instant now) {
    return client.preparedQuery("UPDATE probe_nodes SET last_seen_at = $2, connectivity_ok = $3,"
            + " connectivity_detail = $4, events_pending = $5 WHERE node_id = $1")
        .execute(Tuple.of(hello.getNodeId(), utc(now), health.getConnectivityOk(),
            Alert.shorten(health.getConnectivityDetail(), MAX_DETAIL), health.getEventsPending()))
        .mapEmpty();
  }

  /**
   * The stream to {@code coordinatorNode} registered at {@code linkedAt} ended. Only that link is marked: a
   * probe that already linked again (to another node, or to this one) stays linked.
   */
  public static Future<Void> disconnected(SqlClient client, String nodeId, String coordinatorNode, Instant linkedAt,
      Instant now) {
    if (linkedAt == null) {
      return Future.succeededFuture(); // ended before it was registered: nothing was written
    }
    return client.preparedQuery("UPDATE probe_nodes SET disconnected_at = $4 WHERE node_id = $1"
            + " AND coordinator_node = $2 AND connected_since = $3 AND disconnected_at IS NULL")
        .execute(Tuple.of(nodeId, coordinatorNode, utc(linkedAt), utc(now)))
        .mapEmpty();
  }

  /** Every node heard from within {@link #FORGET_AFTER}, with its watermark; older ones are deleted. */
  public static Future<List<ProbeNode>> all(SqlClient client, Instant now) {
    OffsetDateTime forgetBefore = utc(now.minus(FORGET_AFTER));
    return client.preparedQuery("DELETE FROM probe_nodes WHERE last_seen_at < $1 AND (disconnected_at IS NULL"
            + " OR disconnected_at < $1)").execute(Tuple.of(forgetBefore))
        // A watermark (every second) is a sign of life too: a probe older than ProbeHealth sends only those.
        .compose(deleted -> client.preparedQuery("SELECT n.*, w.received_before, t.name AS token_name,"
                + " GREATEST(n.last_seen_at, w.updated_at) AS heard_at FROM probe_nodes n"
                + " LEFT JOIN probe_watermarks w ON w.region = n.region AND w.node_id = n.node_id"
                + " LEFT JOIN probe_tokens t ON t.id = n.token_id"
                + " ORDER BY n.region, n.node_id").execute())
        .map(rows -> {
          List<ProbeNode> nodes = new ArrayList<>();
          rows.forEach(row -> nodes.add(of(row)));
          return nodes;
        });
  }

  private static ProbeNode of(Row row) {
    return new ProbeNode(row.getString("node_id"), row.getString("region"), row.getString("version"),
        row.getString("coordinator_node"), instant(row, "connected_since").orElseThrow(),
        instant(row, "heard_at").orElseThrow(), instant(row, "disconnected_at"), row.getBoolean("connectivity_ok"),
        row.getString("connectivity_detail"), row.getLong("events_pending"), instant(row, "received_before"),
        new LinkOrigin(row.getString("address"), Optional.ofNullable(row.getUUID("token_id")),
            Optional.ofNullable(row.getString("token_name"))));
  }

  private static Optional<Instant> instant(Row row, String column) {
    return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
  }
}
