package io.quorate.coordinator.incident;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rows of {@code incident_public_updates}, oldest first. */
public final class PublicUpdateStore {
  private static final String COLUMNS = "id, incident_id, status, message, author, created_at";

  private PublicUpdateStore() {}

  /** @return false when the incident does not exist: nothing is stored then */
  public static Future<Boolean> add(SqlClient client, PublicUpdate update) {
    return client.preparedQuery("INSERT INTO incident_public_updates (" + COLUMNS + ")"
            + " SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM incidents WHERE id = $2)")
        .execute(Tuple.of(update.id(), update.incidentId(), update.status(), update.message(), update.author(),
            utc(update.createdAt())))
        .map(rows -> rows.rowCount() == 1);
  }

  public static Future<List<PublicUpdate>> of(SqlClient client, UUID incidentId) {
    return of(client, List.of(incidentId)).map(byIncident -> byIncident.getOrDefault(incidentId, List.of()));
  }

  /** The updates of these incidents by incident; incidents without any are left out. */
  public static Future<Map<UUID, List<PublicUpdate>>> of(SqlClient client, List<UUID> incidentIds) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM incident_public_updates WHERE incident_id = ANY($1)"
            + " ORDER BY created_at, id")
        .execute(Tuple.of(incidentIds.toArray(UUID[]::new)))
        .map(rows -> {
          Map<UUID, List<PublicUpdate>> byIncident = new HashMap<>();
          rows.forEach(row -> byIncident.computeIfAbsent(row.getUUID("incident_id"), id -> new ArrayList<>())
              .add(toUpdate(row)));
          return byIncident;
        });
  }

  private static PublicUpdate toUpdate(Row row) {
    return new PublicUpdate(row.getUUID("id"), row.getUUID("incident_id"), row.getString("status"),
        row.getString("message"), row.getString("author"), row.getOffsetDateTime("created_at").toInstant());
  }
}
