package io.quorate.coordinator.support;

import io.quorate.coordinator.db.DatabaseUrl;
import io.quorate.coordinator.notify.DeliveryOutbox;
import io.quorate.coordinator.notify.Routing;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Queues notifications through the real {@link DeliveryOutbox}, as the incident code does inside its
 * transaction, so a test can send a payload of its choosing to the channels of its choosing; the
 * coordinators under test pick the deliveries up like any other.
 */
public final class Outbox implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final TestDatabase db;
  private final Pool pool;

  public Outbox(TestDatabase db) {
    this.db = db;
    this.pool = PgBuilder.pool().connectingTo(new DatabaseUrl(db.url()).connectOptions()).using(vertx).build();
  }

  /** Stores an open incident of the monitor (created through the API), as the lifecycle would. */
  public UUID openIncident(String monitorId, String monitorName, Instant openedAt) {
    UUID id = UUID.randomUUID();
    db.execute("INSERT INTO incidents (id, monitor_id, monitor_name, opened_at, reason) VALUES (?, ?::uuid, ?, ?, ?)",
        id, monitorId, monitorName, java.sql.Timestamp.from(openedAt), "no ping");
    return id;
  }

  /** @return how many deliveries were queued */
  public int enqueue(UUID incidentId, String event, JsonObject payload, Routing routing, Instant now) {
    return pool.withTransaction(tx -> DeliveryOutbox.enqueue(tx, incidentId, event, payload, routing, now)).await();
  }

  /** To one channel, right away. */
  public int send(UUID incidentId, String event, JsonObject payload, String channelId) {
    return enqueue(incidentId, event, payload, new Routing(List.of(UUID.fromString(channelId)), Routing.PAGE), Instant.now());
  }

  /** The deliveries of one incident to one channel: state, attempts, last_error, next_attempt_at. */
  public List<Map<String, Object>> deliveries(UUID incidentId, String channelId) {
    return db.query("SELECT state, attempts, last_error, next_attempt_at FROM deliveries WHERE incident_id = ?"
        + " AND channel_id = ?::uuid ORDER BY created_at", incidentId, channelId);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
