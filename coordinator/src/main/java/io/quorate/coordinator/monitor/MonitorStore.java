package io.quorate.coordinator.monitor;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Monitors in PostgreSQL. Each edit bumps {@code version}; the caller announces the change to the probe
 * links (see {@code AssignmentBus}) after the write succeeds.
 */
public final class MonitorStore {
  /** The columns {@link #toMonitor(Row)} reads, for queries elsewhere that select monitors. */
  public static final String COLUMNS =
      "id, name, type, spec, alerting, version, ping_id, period_ms, grace_ms, created_at, updated_at, slug,"
          + " is_public, public_name, public_group, public_slug";
  private static final String SLUG_TAKEN = "monitors_slug_per_project";
  private static final String PUBLIC_SLUG_TAKEN = "monitors_public_slug";
  private final Pool pool;
  private final Clock clock;

  public MonitorStore(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Future<Monitor> create(MonitorDraft draft) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    HeartbeatSpec heartbeat = draft.spec() instanceof HeartbeatSpec h ? h : null;
    // A heartbeat gets its state row in the same statement, so ping ingestion can always update it.
    return pool.preparedQuery("WITH m AS (INSERT INTO monitors (id, name, type, spec, ping_id, period_ms, grace_ms,"
            + " slug, created_at, updated_at, alerting, is_public, public_name, public_group, public_slug)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14)"
            + " RETURNING " + COLUMNS + "),"
            + " s AS (INSERT INTO heartbeat_state (monitor_id) SELECT id FROM m WHERE type = 'heartbeat')"
            + " SELECT * FROM m")
        .execute(Tuple.from(new Object[] {id, draft.name(), draft.spec().type(), SpecCodec.toJson(draft.spec()),
            heartbeat == null ? null : heartbeat.pingId(), periodMs(heartbeat), graceMs(heartbeat),
            heartbeat == null ? null : heartbeat.slug().orElse(null), now, AlertingJson.toStored(draft.alerting()),
            draft.listing().listed(), draft.listing().name().orElse(null), draft.listing().group().orElse(null),
            draft.listing().slug().orElse(null)}))
        .recover(MonitorStore::slugTaken)
        .map(rows -> toMonitor(rows.iterator().next()));
  }

  /** @return the updated monitor, or empty when it does not exist (any more) */
  public Future<Optional<Monitor>> update(UUID id, MonitorDraft draft) {
    HeartbeatSpec heartbeat = draft.spec() instanceof HeartbeatSpec h ? h : null;
    return pool.preparedQuery("UPDATE monitors SET name = $2, spec = $3, period_ms = $4, grace_ms = $5, slug = $6,"
            + " version = version + 1, updated_at = $7, alerting = $8, is_public = $9, public_name = $10, public_group = $11,"
            + " public_slug = $12 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.from(new Object[] {id, draft.name(), SpecCodec.toJson(draft.spec()), periodMs(heartbeat),
            graceMs(heartbeat), heartbeat == null ? null : heartbeat.slug().orElse(null), now(),
            AlertingJson.toStored(draft.alerting()), draft.listing().listed(), draft.listing().name().orElse(null),
            draft.listing().group().orElse(null), draft.listing().slug().orElse(null)}))
        .recover(MonitorStore::slugTaken)
        .map(MonitorStore::first);
  }

  private static Long periodMs(HeartbeatSpec heartbeat) {
    return heartbeat == null ? null : heartbeat.period().map(Duration::toMillis).orElse(null);
  }

  private static Long graceMs(HeartbeatSpec heartbeat) {
    return heartbeat == null ? null : heartbeat.grace().toMillis();
  }

  private static <T> Future<T> slugTaken(Throwable error) {
    if (error instanceof PgException pg && "23505".equals(pg.getSqlState()) && SLUG_TAKEN.equals(pg.getConstraint())) {
      return Future.failedFuture(new ValidationException("slug", "is already used by another monitor of this project"));
    }
    if (error instanceof PgException pg && "23505".equals(pg.getSqlState()) && PUBLIC_SLUG_TAKEN.equals(pg.getConstraint())) {
      return Future.failedFuture(new ValidationException("public_slug", "is already used by another monitor"));
    }
    return Future.failedFuture(error);
  }

  /**
   * Deletes the monitor and everything about it. Observations have no foreign key (it was too costly on
   * their hot write path), so they are deleted here, after the monitor row: deleting it waits for any ingest
   * holding its lock, and later ingests skip the monitor, so no observation of it can be left behind.
   */
  public Future<Boolean> delete(UUID id) {
    return pool.withTransaction(tx -> tx.preparedQuery("DELETE FROM monitors WHERE id = $1").execute(Tuple.of(id))
        .compose(deleted -> deleted.rowCount() == 0 ? Future.succeededFuture(false)
            : tx.preparedQuery("DELETE FROM observations WHERE monitor_id = $1").execute(Tuple.of(id))
                .compose(v -> tx.preparedQuery("DELETE FROM observation_rollups WHERE monitor_id = $1").execute(Tuple.of(id)))
                .map(true)));
  }

  public Future<Optional<Monitor>> find(UUID id) {
    return find(pool, id, false);
  }

  /** Reads a monitor inside a transaction, optionally locking it so evaluations of it run one at a time. */
  public static Future<Optional<Monitor>> find(SqlClient client, UUID id, boolean forUpdate) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM monitors WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(id))
        .map(MonitorStore::first);
  }

  public static Future<Optional<Monitor>> findByPingId(SqlClient client, UUID pingId, boolean forUpdate) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM monitors WHERE ping_id = $1" + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(pingId))
        .map(MonitorStore::first);
  }

  public Future<List<Monitor>> list() {
    return pool.query("SELECT " + COLUMNS + " FROM monitors ORDER BY name, id").execute()
        .map(MonitorStore::toList);
  }

  /** These monitors, in no particular order; ids that do not exist (any more) are left out. */
  public Future<List<Monitor>> findAll(List<UUID> ids) {
    return findAll(pool, ids);
  }

  /** {@link #findAll(List)} on this client, e.g. in a transaction. */
  public static Future<List<Monitor>> findAll(SqlClient client, List<UUID> ids) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM monitors WHERE id = ANY($1)")
        .execute(Tuple.of(ids.toArray(UUID[]::new)))
        .map(MonitorStore::toList);
  }

  /** A monitor locked by {@link #lockHttp}: its version cannot change before the transaction ends. */
  public record LockedMonitor(UUID id, long version) {}

  /**
   * Locks these monitors, in the order of their ids, so two transactions locking overlapping sets (observation
   * batches on two coordinator nodes) take the locks in the same order and never deadlock; PostgreSQL locks rows
   * as its sort returns them. Answers the HTTP monitors among them with their versions, without reading the
   * rest of their rows; monitors that do not exist (any more) are left out.
   */
  public static Future<List<LockedMonitor>> lockHttp(SqlClient tx, List<UUID> ids) {
    return tx.preparedQuery("SELECT id, type, version FROM monitors WHERE id = ANY($1) ORDER BY id FOR UPDATE")
        .execute(Tuple.of(ids.toArray(UUID[]::new)))
        .map(rows -> {
          List<LockedMonitor> http = new ArrayList<>();
          rows.forEach(row -> {
            if ("http".equals(row.getString("type"))) {
              http.add(new LockedMonitor(row.getUUID("id"), row.getLong("version")));
            }
          });
          return http;
        });
  }

  /** Regions that have connected at least once, in name order: the default regions of a new HTTP monitor. */
  public Future<List<String>> knownRegions() {
    return pool.query("SELECT region FROM probe_regions ORDER BY region").execute()
        .map(rows -> {
          List<String> regions = new ArrayList<>();
          rows.forEach(row -> regions.add(row.getString(0)));
          return regions;
        });
  }

  private OffsetDateTime now() {
    return utc(clock.instant());
  }

  private static Optional<Monitor> first(RowSet<Row> rows) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(toMonitor(iterator.next())) : Optional.empty();
  }

  private static List<Monitor> toList(RowSet<Row> rows) {
    List<Monitor> monitors = new ArrayList<>();
    rows.forEach(row -> monitors.add(toMonitor(row)));
    return monitors;
  }

  public static Monitor toMonitor(Row row) {
    MonitorSpec spec = SpecCodec.fromRow(row.getString("type"), (JsonObject) row.getValue("spec"),
        row.getUUID("ping_id"), row.getLong("period_ms"), row.getLong("grace_ms"), row.getString("slug"));
    return new Monitor(row.getUUID("id"), row.getString("name"), spec,
        AlertingJson.fromStored((JsonObject) row.getValue("alerting")), listing(row), row.getLong("version"),
        instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("updated_at")));
  }

  private static PublicListing listing(Row row) {
    return new PublicListing(row.getBoolean("is_public"), Optional.ofNullable(row.getString("public_name")),
        Optional.ofNullable(row.getString("public_group")), Optional.ofNullable(row.getString("public_slug")));
  }

  private static Instant instant(OffsetDateTime time) {
    return time.toInstant();
  }
}
