package io.quorate.coordinator.heartbeat;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.heartbeat.PingIngest.StoredPing;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moves each monitor's {@code heartbeat_state} forward with a batch of newly stored pings. Pings arrive out
 * of order (regions deliver late, spools replay), so every field only moves to a newer receive time. Log
 * pings change nothing. Any other ping resumes a paused monitor, as in Healthchecks: a worker that pings
 * again is being watched again, and its deadlines count from that ping.
 */
final class HeartbeatStateMerge {
  private HeartbeatStateMerge() {}

  static Future<Void> apply(SqlClient tx, List<StoredPing> fresh, Instant now) {
    Map<UUID, List<StoredPing>> byMonitor = fresh.stream()
        .filter(p -> !"log".equals(p.classified().kind()))
        .collect(Collectors.groupingBy(StoredPing::monitorId, TreeMap::new, Collectors.toList()));
    if (byMonitor.isEmpty()) {
      return Future.succeededFuture();
    }
    // Rows locked in id order, so concurrent batches touching the same monitors never deadlock.
    return tx.preparedQuery("SELECT monitor_id, last_success_at, last_ping_at, last_fail_at, paused FROM heartbeat_state"
            + " WHERE monitor_id = ANY($1) ORDER BY monitor_id FOR UPDATE")
        .execute(Tuple.of(byMonitor.keySet().toArray(UUID[]::new)))
        .compose(rows -> {
          List<Tuple> updates = new ArrayList<>();
          rows.forEach(row -> updates.add(merge(row, byMonitor.get(row.getUUID("monitor_id")), now)));
          return updates.isEmpty() ? Future.succeededFuture() : tx.preparedQuery("UPDATE heartbeat_state SET"
                  + " last_success_at = $2, last_success_region = COALESCE($3, last_success_region),"
                  + " last_success_stored_at = COALESCE($4, last_success_stored_at), last_ping_at = $5,"
                  + " last_ping_kind = COALESCE($6, last_ping_kind), last_ping_body = COALESCE($7, last_ping_body),"
                  + " last_fail_at = $8, last_fail_reason = COALESCE($9, last_fail_reason),"
                  + " paused = false, armed_at = COALESCE($10, armed_at) WHERE monitor_id = $1")
              .executeBatch(updates).mapEmpty();
        });
  }

  /** The values of one UPDATE; a null leaves the column as it was (no newer ping of that sort). */
  private static Tuple merge(Row row, List<StoredPing> pings, Instant now) {
    Optional<Instant> lastSuccess = time(row, "last_success_at");
    Optional<Instant> lastPing = time(row, "last_ping_at");
    Optional<Instant> lastFail = time(row, "last_fail_at");
    Optional<StoredPing> newestSuccess = newest(pings.stream().filter(p -> !p.classified().failed()
        && "success".equals(p.classified().kind())).toList(), lastSuccess);
    Optional<StoredPing> newestPing = newest(pings, lastPing);
    Optional<StoredPing> newestFail = newest(pings.stream().filter(p -> p.classified().failed()).toList(), lastFail);
    // Resumed by a ping: its deadlines count from the newest ping, not from a success before the pause.
    Optional<Instant> rearm = row.getBoolean("paused") ? newest(pings, Optional.empty()).map(StoredPing::receivedAt)
        : Optional.empty();
    return Tuple.from(new Object[] {
        row.getUUID("monitor_id"),
        utcOrNull(newestSuccess.map(StoredPing::receivedAt).or(() -> lastSuccess)),
        newestSuccess.map(p -> p.incoming().region()).orElse(null),
        newestSuccess.isPresent() ? utc(now) : null,
        utcOrNull(newestPing.map(StoredPing::receivedAt).or(() -> lastPing)),
        newestPing.map(p -> p.classified().kind()).orElse(null),
        newestPing.map(p -> p.incoming().ping().getBody()).orElse(null),
        utcOrNull(newestFail.map(StoredPing::receivedAt).or(() -> lastFail)),
        newestFail.map(p -> p.classified().failure()).orElse(null),
        utcOrNull(rearm)});
  }

  /** The newest of {@code pings} if it is newer than {@code than}. */
  private static Optional<StoredPing> newest(List<StoredPing> pings, Optional<Instant> than) {
    return pings.stream().max(Comparator.comparing(StoredPing::receivedAt))
        .filter(p -> than.map(t -> p.receivedAt().isAfter(t)).orElse(true));
  }

  private static Optional<Instant> time(Row row, String column) {
    return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
  }

  private static OffsetDateTime utcOrNull(Optional<Instant> instant) {
    return instant.map(io.quorate.coordinator.db.Timestamps::utc).orElse(null);
  }
}
