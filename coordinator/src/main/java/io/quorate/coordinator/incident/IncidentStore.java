package io.quorate.coordinator.incident;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.db.Timestamps;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Incident rows. Opening relies on the partial unique index {@code incidents_one_open_per_monitor}: when
 * two coordinator nodes race to open an incident for one monitor, exactly one insert takes effect and the
 * other learns it lost (an empty result), so it sends nothing.
 */
public final class IncidentStore {
  private static final String COLUMNS = "id, monitor_id, monitor_name, opened_at, resolved_at, reason, regions_down, cause, deadline_at, resolution, false_alarm";

  private IncidentStore() {}

  /** @return the new incident, or empty when the monitor already had an open one */
  public static Future<Optional<Incident>> open(SqlClient tx, UUID monitorId, String monitorName, String reason,
      List<String> regionsDown, String cause, Optional<Instant> deadlineAt, Instant now) {
    return tx.preparedQuery("INSERT INTO incidents (id, monitor_id, monitor_name, opened_at, reason, regions_down, cause,"
            + " deadline_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
            + " ON CONFLICT (monitor_id) WHERE resolved_at IS NULL DO NOTHING RETURNING " + COLUMNS)
        .execute(Tuple.from(new Object[] {UUID.randomUUID(), monitorId, monitorName, utc(now), reason,
            regionsDown.toArray(String[]::new), cause, deadlineAt.map(Timestamps::utc).orElse(null)}))
        .map(IncidentStore::first);
  }

  /** @return the resolved incident, or empty when it was already resolved */
  public static Future<Optional<Incident>> resolve(SqlClient tx, UUID incidentId, String resolution, boolean falseAlarm,
      Instant now) {
    return tx.preparedQuery("UPDATE incidents SET resolved_at = $2, resolution = $3, false_alarm = $4"
            + " WHERE id = $1 AND resolved_at IS NULL RETURNING " + COLUMNS)
        .execute(Tuple.of(incidentId, utc(now), resolution, falseAlarm))
        .map(IncidentStore::first);
  }

  /** The open incidents of these monitors, by monitor. */
  public static Future<java.util.Map<UUID, Incident>> findOpen(SqlClient client, List<UUID> monitorIds) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM incidents WHERE resolved_at IS NULL AND monitor_id = ANY($1)")
        .execute(Tuple.of(monitorIds.toArray(UUID[]::new)))
        .map(rows -> {
          java.util.Map<UUID, Incident> open = new java.util.HashMap<>();
          rows.forEach(row -> open.put(row.getUUID("monitor_id"), toIncident(row)));
          return open;
        });
  }

  public static Future<Optional<Incident>> findOpen(SqlClient client, UUID monitorId) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM incidents WHERE monitor_id = $1 AND resolved_at IS NULL")
        .execute(Tuple.of(monitorId))
        .map(IncidentStore::first);
  }

  /** Newest first. */
  public static Future<List<Incident>> list(SqlClient client, IncidentFilter filter, int limit) {
    String where = switch (filter) {
      case OPEN -> " WHERE resolved_at IS NULL";
      case RESOLVED -> " WHERE resolved_at IS NOT NULL";
      case ALL -> "";
    };
    return client.preparedQuery("SELECT " + COLUMNS + " FROM incidents" + where + " ORDER BY opened_at DESC, id LIMIT $1")
        .execute(Tuple.of(limit))
        .map(rows -> {
          List<Incident> incidents = new ArrayList<>();
          rows.forEach(row -> incidents.add(toIncident(row)));
          return incidents;
        });
  }

  public enum IncidentFilter { OPEN, RESOLVED, ALL }

  private static Optional<Incident> first(RowSet<Row> rows) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(toIncident(iterator.next())) : Optional.empty();
  }

  private static Incident toIncident(Row row) {
    String[] regions = row.getArrayOfStrings("regions_down");
    return new Incident(row.getUUID("id"), row.getUUID("monitor_id"), row.getString("monitor_name"),
        row.getOffsetDateTime("opened_at").toInstant(),
        Optional.ofNullable(row.getOffsetDateTime("resolved_at")).map(OffsetDateTime::toInstant),
        row.getString("reason"), regions == null ? List.of() : Arrays.asList(regions), row.getString("cause"),
        Optional.ofNullable(row.getOffsetDateTime("deadline_at")).map(OffsetDateTime::toInstant),
        row.getString("resolution"), row.getBoolean("false_alarm"));
  }
}
