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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Incident rows. Opening relies on the partial unique index {@code incidents_one_open_per_monitor}: when
 * two coordinator nodes race to open an incident for one monitor, exactly one insert takes effect and the
 * other learns it lost (an empty result), so it sends nothing. Every change is conditional on the state it
 * expects ({@code resolved_at IS NULL}...), so a repeated or racing call changes nothing the second time.
 */
public final class IncidentStore {
  private static final String COLUMNS = "id, monitor_id, monitor_name, opened_at, resolved_at, reason, regions_down, cause,"
      + " deadline_at, resolution, false_alarm, acknowledged_at, acknowledged_by, resolved_by, awaiting_recovery,"
      + " reopened_count, last_alerted_at, reminders_sent, escalated_at, alert_held_by, alert_released_at";

  private IncidentStore() {}

  /** @return the new incident, or empty when the monitor already had an open one */
  public static Future<Optional<Incident>> open(SqlClient tx, UUID monitorId, String monitorName, String reason,
      List<String> regionsDown, String cause, Optional<Instant> deadlineAt, Instant now) {
    return tx.preparedQuery("INSERT INTO incidents (id, monitor_id, monitor_name, opened_at, reason, regions_down, cause,"
            + " deadline_at, last_alerted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $4)"
            + " ON CONFLICT (monitor_id) WHERE resolved_at IS NULL DO NOTHING RETURNING " + COLUMNS)
        .execute(Tuple.from(new Object[] {UUID.randomUUID(), monitorId, monitorName, utc(now), reason,
            regionsDown.toArray(String[]::new), cause, deadlineAt.map(Timestamps::utc).orElse(null)}))
        .map(IncidentStore::first);
  }

  /** Opens a recently resolved incident again (a flap within the cool-down); empty when it is not resolved. */
  public static Future<Optional<Incident>> reopen(SqlClient tx, UUID incidentId, String reason, List<String> regionsDown,
      String cause, Optional<Instant> deadlineAt, Instant now) {
    return tx.preparedQuery("UPDATE incidents SET resolved_at = NULL, resolution = '', false_alarm = false,"
            + " resolved_by = NULL, reason = $2, regions_down = $3, deadline_at = $4, reopened_count = reopened_count + 1,"
            + " last_alerted_at = $5, cause = $6, acknowledged_at = NULL, acknowledged_by = NULL, reminders_sent = 0,"
            + " escalated_at = NULL, alert_held_by = NULL, held_event = NULL, held_text = NULL, alert_released_at = NULL"
            + " WHERE id = $1 AND resolved_at IS NOT NULL RETURNING " + COLUMNS)
        .execute(Tuple.from(new Object[] {incidentId, reason, regionsDown.toArray(String[]::new),
            deadlineAt.map(Timestamps::utc).orElse(null), utc(now), cause}))
        .map(IncidentStore::first);
  }

  /**
   * @param resolvedBy the person who resolved it by hand, or empty when it recovered
   * @return the resolved incident, or empty when it was already resolved
   */
  public static Future<Optional<Incident>> resolve(SqlClient tx, UUID incidentId, String resolution, boolean falseAlarm,
      Optional<String> resolvedBy, Instant now) {
    return tx.preparedQuery("UPDATE incidents SET resolved_at = $2, resolution = $3, false_alarm = $4, resolved_by = $5,"
            + " awaiting_recovery = $6 WHERE id = $1 AND resolved_at IS NULL RETURNING " + COLUMNS)
        .execute(Tuple.of(incidentId, utc(now), resolution, falseAlarm, resolvedBy.orElse(null), resolvedBy.isPresent()))
        .map(IncidentStore::first);
  }

  /** @return the acknowledged incident, or empty when it is resolved or was acknowledged before */
  public static Future<Optional<Incident>> acknowledge(SqlClient tx, UUID incidentId, String by, Instant now) {
    return tx.preparedQuery("UPDATE incidents SET acknowledged_at = $2, acknowledged_by = $3"
            + " WHERE id = $1 AND resolved_at IS NULL AND acknowledged_at IS NULL RETURNING " + COLUMNS)
        .execute(Tuple.of(incidentId, utc(now), by))
        .map(IncidentStore::first);
  }

  /** The monitor recovered after a person resolved its incident by hand: the next failure may alert again. */
  public static Future<Void> recovered(SqlClient tx, UUID incidentId) {
    return tx.preparedQuery("UPDATE incidents SET awaiting_recovery = false WHERE id = $1 AND awaiting_recovery")
        .execute(Tuple.of(incidentId)).mapEmpty();
  }

  /**
   * Of these monitors, those with an open incident or one resolved by hand that waits for a recovery: the
   * ones whose incident a new ping may change.
   */
  public static Future<Set<UUID>> openOrAwaitingRecovery(SqlClient client, List<UUID> monitorIds) {
    return client.preparedQuery("SELECT DISTINCT monitor_id FROM incidents WHERE monitor_id = ANY($1)"
            + " AND (resolved_at IS NULL OR awaiting_recovery)")
        .execute(Tuple.of(monitorIds.toArray(UUID[]::new)))
        .map(rows -> {
          Set<UUID> ids = new HashSet<>();
          rows.forEach(row -> ids.add(row.getUUID(0)));
          return ids;
        });
  }

  /** A reminder went out; the next is due {@code remindEvery} after {@code now}. */
  public static Future<Void> reminded(SqlClient tx, UUID incidentId, Instant now) {
    return tx.preparedQuery("UPDATE incidents SET last_alerted_at = $2, reminders_sent = reminders_sent + 1 WHERE id = $1")
        .execute(Tuple.of(incidentId, utc(now))).mapEmpty();
  }

  /** @return false when it was escalated before (by another node) */
  public static Future<Boolean> escalated(SqlClient tx, UUID incidentId, Instant now) {
    return tx.preparedQuery("UPDATE incidents SET escalated_at = $2 WHERE id = $1 AND escalated_at IS NULL")
        .execute(Tuple.of(incidentId, utc(now))).map(rows -> rows.rowCount() == 1);
  }

  /** A reminder fell due while a window or silence held the monitor: the next counts from now, none was sent. */
  public static Future<Void> reminderHeld(SqlClient tx, UUID incidentId, Instant now) {
    return tx.preparedQuery("UPDATE incidents SET last_alerted_at = $2 WHERE id = $1")
        .execute(Tuple.of(incidentId, utc(now))).mapEmpty();
  }

  public static Future<Optional<Incident>> find(SqlClient client, UUID incidentId, boolean forUpdate) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM incidents WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(incidentId))
        .map(IncidentStore::first);
  }

  /** The monitor's newest incident, open or not: the one a flap reopens, or that waits for a recovery. */
  public static Future<Optional<Incident>> latest(SqlClient client, UUID monitorId) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM incidents WHERE monitor_id = $1 ORDER BY opened_at DESC, id"
            + " LIMIT 1")
        .execute(Tuple.of(monitorId))
        .map(IncidentStore::first);
  }

  /** Each of these monitors' newest incident, open or not, by monitor; monitors without one are left out. */
  public static Future<Map<UUID, Incident>> latest(SqlClient client, List<UUID> monitorIds) {
    return client.preparedQuery("SELECT DISTINCT ON (monitor_id) " + COLUMNS + " FROM incidents"
            + " WHERE monitor_id = ANY($1) ORDER BY monitor_id, opened_at DESC, id")
        .execute(Tuple.of(monitorIds.toArray(UUID[]::new)))
        .map(IncidentStore::byMonitor);
  }

  /** The open incidents of these monitors, by monitor. */
  public static Future<Map<UUID, Incident>> findOpen(SqlClient client, List<UUID> monitorIds) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM incidents WHERE resolved_at IS NULL AND monitor_id = ANY($1)")
        .execute(Tuple.of(monitorIds.toArray(UUID[]::new)))
        .map(IncidentStore::byMonitor);
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
        .map(IncidentStore::toList);
  }

  public enum IncidentFilter { OPEN, RESOLVED, ALL }

  private static List<Incident> toList(RowSet<Row> rows) {
    List<Incident> incidents = new ArrayList<>();
    rows.forEach(row -> incidents.add(toIncident(row)));
    return incidents;
  }

  private static Map<UUID, Incident> byMonitor(RowSet<Row> rows) {
    Map<UUID, Incident> incidents = new HashMap<>();
    rows.forEach(row -> incidents.put(row.getUUID("monitor_id"), toIncident(row)));
    return incidents;
  }

  private static Optional<Incident> first(RowSet<Row> rows) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(toIncident(iterator.next())) : Optional.empty();
  }

  private static Incident toIncident(Row row) {
    String[] regions = row.getArrayOfStrings("regions_down");
    return new Incident(row.getUUID("id"), row.getUUID("monitor_id"), row.getString("monitor_name"),
        row.getOffsetDateTime("opened_at").toInstant(), instant(row, "resolved_at"),
        row.getString("reason"), regions == null ? List.of() : Arrays.asList(regions), row.getString("cause"),
        instant(row, "deadline_at"), row.getString("resolution"), row.getBoolean("false_alarm"),
        instant(row, "acknowledged_at"), text(row, "acknowledged_by"), text(row, "resolved_by"),
        row.getBoolean("awaiting_recovery"), row.getInteger("reopened_count"), instant(row, "last_alerted_at"),
        row.getInteger("reminders_sent"), instant(row, "escalated_at"), text(row, "alert_held_by"),
        instant(row, "alert_released_at"));
  }

  private static Optional<Instant> instant(Row row, String column) {
    return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
  }

  private static String text(Row row, String column) {
    String value = row.getString(column);
    return value == null ? "" : value;
  }
}
