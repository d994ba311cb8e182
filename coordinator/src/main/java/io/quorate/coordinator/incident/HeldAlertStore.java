package io.quorate.coordinator.incident;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The DOWN alert an incident holds while a maintenance window or silence covers its monitor: stored with the
 * incident as it was written, so it goes out unchanged, once, when nothing holds the monitor any more.
 */
final class HeldAlertStore {
  private HeldAlertStore() {}

  record HeldAlert(String event, String text) {}

  static Future<Void> hold(SqlClient tx, UUID incidentId, String heldBy, String event, String text) {
    return tx.preparedQuery("UPDATE incidents SET alert_held_by = $2, held_event = $3, held_text = $4 WHERE id = $1")
        .execute(Tuple.of(incidentId, heldBy, event, text)).mapEmpty();
  }

  /** The held alert of an open incident, read with the incident row locked; empty when none waits. */
  static Future<Optional<HeldAlert>> lockHeld(SqlClient tx, UUID incidentId) {
    return tx.preparedQuery("SELECT held_event, held_text FROM incidents WHERE id = $1 AND resolved_at IS NULL"
            + " AND alert_held_by IS NOT NULL FOR UPDATE")
        .execute(Tuple.of(incidentId))
        .map(rows -> {
          var iterator = rows.iterator();
          if (!iterator.hasNext()) {
            return Optional.empty();
          }
          var row = iterator.next();
          return Optional.of(new HeldAlert(row.getString("held_event"), row.getString("held_text")));
        });
  }

  /**
   * The held alert goes out now (or, when {@code sent} is false, never): reminders count from now.
   *
   * @return the incident as it is after the release
   */
  static Future<Optional<Incident>> release(SqlClient tx, UUID incidentId, boolean sent, Instant now) {
    return tx.preparedQuery("UPDATE incidents SET alert_held_by = NULL, held_event = NULL, held_text = NULL,"
            + " alert_released_at = CASE WHEN $3 THEN $2 ELSE alert_released_at END,"
            + " last_alerted_at = CASE WHEN $3 THEN $2 ELSE last_alerted_at END WHERE id = $1")
        .execute(Tuple.of(incidentId, utc(now), sent))
        .compose(v -> IncidentStore.find(tx, incidentId, false));
  }

  /** Open incidents whose DOWN alert waits, oldest first; each is checked again locked. */
  static Future<List<UUID>> waiting(SqlClient client, int limit) {
    return client.preparedQuery("SELECT id FROM incidents WHERE resolved_at IS NULL AND alert_held_by IS NOT NULL"
            + " ORDER BY opened_at LIMIT $1")
        .execute(Tuple.of(limit))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID(0)));
          return ids;
        });
  }
}
