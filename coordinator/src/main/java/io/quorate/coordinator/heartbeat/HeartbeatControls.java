package io.quorate.coordinator.heartbeat;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.api.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Pause, resume and snooze a heartbeat. A snooze is kept as an audit row (who, why, until when, ended
 * early) and as {@code heartbeat_state.snoozed_until}; when it ends, by expiry or by hand, deadlines count
 * from that moment, so a monitor never goes down merely because its snooze ended. Resuming re-arms the
 * same way and gives up on runs started before it (their workers are gone, or were deployed away).
 */
final class HeartbeatControls {
  private HeartbeatControls() {}

  record Snooze(UUID id, Instant startsAt, Instant endsAt, String reason, String createdBy) {}

  static Future<Snooze> snooze(Pool pool, UUID monitorId, Instant until, String reason, String by, Instant now) {
    Snooze snooze = new Snooze(UUID.randomUUID(), now, until, reason, by);
    return pool.withTransaction(tx -> lockState(tx, monitorId)
        .compose(v -> tx.preparedQuery("UPDATE snoozes SET ended_early_at = $2 WHERE monitor_id = $1"
                + " AND ends_at > $2 AND ended_early_at IS NULL").execute(Tuple.of(monitorId, utc(now))))
        .compose(v -> tx.preparedQuery("INSERT INTO snoozes (id, monitor_id, starts_at, ends_at, reason, created_by,"
                + " created_at) VALUES ($1, $2, $3, $4, $5, $6, $3)")
            .execute(Tuple.of(snooze.id(), monitorId, utc(now), utc(until), reason, by)))
        .compose(v -> tx.preparedQuery("UPDATE heartbeat_state SET snoozed_until = $2 WHERE monitor_id = $1")
            .execute(Tuple.of(monitorId, utc(until))))
        .map(snooze));
  }

  /** Ends the current snooze now. @return whether one was active */
  static Future<Boolean> endSnooze(Pool pool, UUID monitorId, Instant now) {
    return pool.withTransaction(tx -> lockState(tx, monitorId)
        .compose(v -> tx.preparedQuery("UPDATE snoozes SET ended_early_at = $2 WHERE monitor_id = $1"
                + " AND ends_at > $2 AND ended_early_at IS NULL").execute(Tuple.of(monitorId, utc(now))))
        .compose(ended -> ended.rowCount() == 0 ? Future.succeededFuture(false)
            : tx.preparedQuery("UPDATE heartbeat_state SET snoozed_until = $2 WHERE monitor_id = $1")
                .execute(Tuple.of(monitorId, utc(now))).map(true)));
  }

  static Future<JsonArray> snoozes(SqlClient client, UUID monitorId, int limit) {
    return client.preparedQuery("SELECT id, starts_at, ends_at, ended_early_at, reason, created_by FROM snoozes"
            + " WHERE monitor_id = $1 ORDER BY created_at DESC LIMIT $2")
        .execute(Tuple.of(monitorId, limit))
        .map(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(row -> out.add(snoozeJson(row)));
          return out;
        });
  }

  private static JsonObject snoozeJson(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString())
        .put("starts_at", row.getOffsetDateTime("starts_at").toInstant().toString())
        .put("ends_at", row.getOffsetDateTime("ends_at").toInstant().toString())
        .put("ended_early_at", Optional.ofNullable(row.getOffsetDateTime("ended_early_at"))
            .map(t -> t.toInstant().toString()).orElse(null))
        .put("reason", row.getString("reason"))
        .put("created_by", row.getString("created_by"));
  }

  static Future<Void> pause(Pool pool, UUID monitorId) {
    return pool.withTransaction(tx -> lockState(tx, monitorId)
        .compose(v -> tx.preparedQuery("UPDATE heartbeat_state SET paused = true WHERE monitor_id = $1")
            .execute(Tuple.of(monitorId))).mapEmpty());
  }

  static Future<Void> resume(Pool pool, UUID monitorId, Instant now) {
    return pool.withTransaction(tx -> lockState(tx, monitorId)
        .compose(v -> tx.preparedQuery("UPDATE heartbeat_state SET paused = false, armed_at = $2 WHERE monitor_id = $1")
            .execute(Tuple.of(monitorId, utc(now))))
        .compose(v -> tx.preparedQuery("UPDATE heartbeat_runs SET finished_at = $2, outcome = 'abandoned'"
                + " WHERE monitor_id = $1 AND finished_at IS NULL AND started_at < $2")
            .execute(Tuple.of(monitorId, utc(now))))
        .mapEmpty());
  }

  private static Future<Void> lockState(SqlClient tx, UUID monitorId) {
    return tx.preparedQuery("SELECT monitor_id FROM heartbeat_state WHERE monitor_id = $1 FOR UPDATE")
        .execute(Tuple.of(monitorId))
        .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture()
            : Future.failedFuture(new NotFoundException("heartbeat monitor " + monitorId)));
  }
}
