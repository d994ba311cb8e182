package io.quorate.coordinator.notify;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.api.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Notification channels in PostgreSQL. */
public final class ChannelStore {
  /** The columns {@link #toChannel} reads, for queries that join channels to something else. */
  static final String COLUMNS = "c.type, c.name, c.config, c.created_at, c.broken_at, c.broken_reason";
  private static final String SELECT = "SELECT c.id, " + COLUMNS + " FROM channels c";

  private final Pool pool;
  private final Clock clock;

  public ChannelStore(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Future<Channel> create(String type, String name, JsonObject config) {
    return pool.preparedQuery("INSERT INTO channels AS c (id, type, name, config, created_at) VALUES ($1, $2, $3, $4, $5)"
            + " RETURNING c.id, " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), type, name, config, utc(clock.instant())))
        .map(rows -> toChannel(rows.iterator().next(), "id"));
  }

  public Future<List<Channel>> list() {
    return pool.query(SELECT + " ORDER BY c.created_at, c.id").execute().map(ChannelStore::toChannels);
  }

  /** Fails with {@link NotFoundException} when there is no such channel. */
  public Future<Channel> get(UUID id) {
    return one(pool, SELECT + " WHERE c.id = $1", id);
  }

  /**
   * Reads the channel, applies {@code change} and writes the new name and settings, in one transaction
   * holding the row, so two concurrent updates cannot undo each other's fields.
   *
   * @param change may throw (a validation error): nothing is written then
   */
  public Future<Channel> update(UUID id, Function<Channel, Channel> change) {
    return pool.withTransaction(tx -> one(tx, SELECT + " WHERE c.id = $1 FOR UPDATE", id)
        .map(change)
        .compose(changed -> one(tx, "UPDATE channels AS c SET name = $2, config = $3 WHERE c.id = $1 RETURNING c.id, "
            + COLUMNS, id, changed.name(), changed.config())));
  }

  /** Fails with {@link NotFoundException} when there is no such channel. Its pending deliveries go with it. */
  public Future<Void> delete(UUID id) {
    return pool.preparedQuery("DELETE FROM channels WHERE id = $1").execute(Tuple.of(id)).compose(rows -> rows.rowCount() == 1
        ? Future.succeededFuture() : Future.failedFuture(new NotFoundException("channel " + id)));
  }

  /** @return whether this call marked it (false when it was broken already, or is gone) */
  Future<Boolean> markBroken(UUID id, String reason, Instant now) {
    return pool.preparedQuery("UPDATE channels SET broken_at = $2, broken_reason = $3 WHERE id = $1 AND broken_at IS NULL")
        .execute(Tuple.of(id, utc(now), reason))
        .map(rows -> rows.rowCount() == 1);
  }

  /** @return whether it was broken */
  Future<Boolean> clearBroken(UUID id) {
    return pool.preparedQuery("UPDATE channels SET broken_at = NULL, broken_reason = NULL WHERE id = $1 AND broken_at IS NOT NULL")
        .execute(Tuple.of(id))
        .map(rows -> rows.rowCount() == 1);
  }

  private static Future<Channel> one(SqlClient client, String sql, UUID id, Object... more) {
    Tuple args = Tuple.of(id);
    for (Object value : more) {
      args.addValue(value);
    }
    return client.preparedQuery(sql).execute(args).compose(rows -> rows.size() == 1
        ? Future.succeededFuture(toChannel(rows.iterator().next(), "id"))
        : Future.failedFuture(new NotFoundException("channel " + id)));
  }

  private static List<Channel> toChannels(RowSet<Row> rows) {
    List<Channel> channels = new ArrayList<>();
    rows.forEach(row -> channels.add(toChannel(row, "id")));
    return channels;
  }

  /** @param idColumn the name the query gave the channel's id */
  static Channel toChannel(Row row, String idColumn) {
    OffsetDateTime brokenAt = row.getOffsetDateTime("broken_at");
    Optional<Channel.Broken> broken = brokenAt == null ? Optional.empty()
        : Optional.of(new Channel.Broken(brokenAt.toInstant(), row.getString("broken_reason")));
    return new Channel(row.getUUID(idColumn), row.getString("type"), row.getString("name"),
        (JsonObject) row.getValue("config"), row.getOffsetDateTime("created_at").toInstant(), broken);
  }
}
