package io.quorate.coordinator.maintenance;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.heartbeat.schedule.CronSchedule;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code maintenance_windows}. */
public final class MaintenanceStore {
  private static final String COLUMNS = "id, name, matchers, starts_at, ends_at, cron, duration_ms, time_zone, comment,"
      + " created_at, updated_at";

  private MaintenanceStore() {}

  public static Future<MaintenanceWindow> create(SqlClient client, MaintenanceWindow.Draft draft, Instant now) {
    return client.preparedQuery("INSERT INTO maintenance_windows (" + COLUMNS + ")"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING " + COLUMNS)
        .execute(values(UUID.randomUUID(), draft, now))
        .map(rows -> toWindow(rows.iterator().next()));
  }

  /** @return the updated window, or empty when there is no such window */
  public static Future<Optional<MaintenanceWindow>> update(SqlClient client, UUID id, MaintenanceWindow.Draft draft,
      Instant now) {
    return client.preparedQuery("UPDATE maintenance_windows SET name = $2, matchers = $3, starts_at = $4, ends_at = $5,"
            + " cron = $6, duration_ms = $7, time_zone = $8, comment = $9, updated_at = $10 WHERE id = $1 RETURNING "
            + COLUMNS)
        .execute(values(id, draft, now))
        .map(MaintenanceStore::first);
  }

  public static Future<Boolean> delete(SqlClient client, UUID id) {
    return client.preparedQuery("DELETE FROM maintenance_windows WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.rowCount() == 1);
  }

  public static Future<Optional<MaintenanceWindow>> find(SqlClient client, UUID id) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM maintenance_windows WHERE id = $1").execute(Tuple.of(id))
        .map(MaintenanceStore::first);
  }

  /** Every window, by name. */
  public static Future<List<MaintenanceWindow>> all(SqlClient client) {
    return client.query("SELECT " + COLUMNS + " FROM maintenance_windows ORDER BY name, id").execute().map(rows -> {
      List<MaintenanceWindow> windows = new ArrayList<>();
      rows.forEach(row -> windows.add(toWindow(row)));
      return windows;
    });
  }

  private static Tuple values(UUID id, MaintenanceWindow.Draft draft, Instant now) {
    Object[] schedule = draft.schedule() instanceof WindowSchedule.Recurring every
        ? new Object[] {null, null, every.cron().expression(), every.duration().toMillis()}
        : new Object[] {utc(((WindowSchedule.OneOff) draft.schedule()).start()),
            utc(((WindowSchedule.OneOff) draft.schedule()).end()), null, null};
    return Tuple.from(new Object[] {id, draft.name(), draft.matchers().toJson(), schedule[0], schedule[1], schedule[2],
        schedule[3], draft.schedule().zone().getId(), draft.comment(), utc(now)});
  }

  private static Optional<MaintenanceWindow> first(RowSet<Row> rows) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(toWindow(iterator.next())) : Optional.empty();
  }

  private static MaintenanceWindow toWindow(Row row) {
    String zone = row.getString("time_zone");
    WindowSchedule schedule = row.getString("cron") == null
        ? new WindowSchedule.OneOff(instant(row, "starts_at"), instant(row, "ends_at"), ZoneId.of(zone))
        : new WindowSchedule.Recurring(CronSchedule.parse(row.getString("cron"), zone),
            Duration.ofMillis(row.getLong("duration_ms")));
    MaintenanceWindow.Draft draft = new MaintenanceWindow.Draft(row.getString("name"),
        Matchers.fromJson((JsonObject) row.getValue("matchers")), schedule, row.getString("comment"));
    return new MaintenanceWindow(row.getUUID("id"), draft, instant(row, "created_at"), instant(row, "updated_at"));
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }
}
