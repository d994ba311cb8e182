package io.quorate.coordinator.incident;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code incident_events} table: what happened to an incident, written in the same transaction as the
 * change it records, so the timeline never shows a step that did not happen or misses one that did.
 */
public final class IncidentEvents {
  /** The actor of decisions the coordinator made itself. */
  public static final String QUORATE = "quorate";

  private IncidentEvents() {}

  /** One timeline entry. */
  public record Event(Instant at, String kind, String actor, String text, JsonObject data) {}

  public static Future<Void> add(SqlClient tx, UUID incidentId, Event event) {
    return addAll(tx, incidentId, List.of(event));
  }

  public static Future<Void> addAll(SqlClient tx, UUID incidentId, List<Event> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = events.stream()
        .map(e -> Tuple.of(incidentId, utc(e.at()), e.kind(), e.actor(), e.text(), e.data()))
        .toList();
    return tx.preparedQuery("INSERT INTO incident_events (incident_id, at, kind, actor, text, data)"
            + " VALUES ($1, $2, $3, $4, $5, $6)")
        .executeBatch(batch)
        .mapEmpty();
  }
}
