package io.quorate.coordinator.notify;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;

/**
 * Queues a notification to every channel, inside the caller's transaction: the incident change and its
 * deliveries commit together or not at all, so a crash can neither lose an alert nor send one for an
 * incident that was never stored.
 */
public final class DeliveryOutbox {
  private DeliveryOutbox() {}

  /** @return how many deliveries were queued */
  public static Future<Integer> enqueue(SqlClient tx, UUID incidentId, String event, JsonObject payload, Instant now) {
    return tx.preparedQuery("INSERT INTO deliveries (id, channel_id, incident_id, event, payload, state, next_attempt_at, created_at)"
            + " SELECT gen_random_uuid(), c.id, $1, $2, $3, 'pending', $4, $4 FROM channels c")
        .execute(Tuple.of(incidentId, event, payload, utc(now)))
        .map(rows -> rows.rowCount());
  }
}
