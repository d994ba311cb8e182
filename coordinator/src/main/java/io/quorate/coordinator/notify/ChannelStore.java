package io.quorate.coordinator.notify;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Notification channels in PostgreSQL. */
public final class ChannelStore {
  private final Pool pool;
  private final Clock clock;

  public ChannelStore(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Future<Channel> create(String type, String name, JsonObject config) {
    return pool.preparedQuery("INSERT INTO channels (id, type, name, config, created_at) VALUES ($1, $2, $3, $4, $5)"
            + " RETURNING id, type, name, config, created_at")
        .execute(Tuple.of(UUID.randomUUID(), type, name, config, utc(clock.instant())))
        .map(rows -> toChannel(rows.iterator().next()));
  }

  public Future<List<Channel>> list() {
    return pool.query("SELECT id, type, name, config, created_at FROM channels ORDER BY created_at, id").execute()
        .map(rows -> {
          List<Channel> channels = new ArrayList<>();
          rows.forEach(row -> channels.add(toChannel(row)));
          return channels;
        });
  }

  static Channel toChannel(Row row) {
    return new Channel(row.getUUID("id"), row.getString("type"), row.getString("name"),
        (JsonObject) row.getValue("config"), row.getOffsetDateTime("created_at").toInstant());
  }
}
