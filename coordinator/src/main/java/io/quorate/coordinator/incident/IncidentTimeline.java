package io.quorate.coordinator.incident;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * An incident's timeline as people read it: the stored events (votes, decisions, acknowledgement, notes)
 * merged with its notifications, each with the channel and how the delivery went, oldest first.
 */
public final class IncidentTimeline {
  private static final int LIMIT = 1000;

  private IncidentTimeline() {}

  public static Future<JsonArray> read(SqlClient client, UUID incidentId) {
    return client.preparedQuery("SELECT at, kind, actor, text, data, 0 AS source, id::text AS tie FROM incident_events"
            + " WHERE incident_id = $1"
            + " UNION ALL SELECT d.created_at, 'notification', c.name, d.event, jsonb_build_object('channel_id', c.id,"
            + " 'channel_type', c.type, 'state', d.state, 'attempts', d.attempts, 'last_error', d.last_error,"
            + " 'delivered_at', d.delivered_at, 'next_attempt_at', d.next_attempt_at), 1, d.id::text"
            + " FROM deliveries d JOIN channels c ON c.id = d.channel_id WHERE d.incident_id = $1"
            + " ORDER BY 1, 6, 7 LIMIT " + LIMIT)
        .execute(Tuple.of(incidentId))
        .map(rows -> {
          JsonArray timeline = new JsonArray();
          rows.forEach(row -> timeline.add(entry(row)));
          return timeline;
        });
  }

  private static JsonObject entry(Row row) {
    String kind = row.getString("kind");
    JsonObject data = (JsonObject) row.getValue("data");
    String text = row.getString("text");
    if ("notification".equals(kind)) {
      text = text + " to " + row.getString("actor") + ": " + deliveryOutcome(data);
    }
    return new JsonObject()
        .put("at", row.getOffsetDateTime("at").toInstant().toString())
        .put("kind", kind)
        .put("actor", row.getString("actor"))
        .put("text", text)
        .put("data", data);
  }

  private static String deliveryOutcome(JsonObject delivery) {
    return switch (delivery.getString("state", "")) {
      case "delivered" -> "delivered" + attempts(delivery);
      case "failed" -> "failed" + attempts(delivery) + ": " + delivery.getString("last_error", "");
      default -> delivery.getString("last_error") == null ? "queued"
          : "retrying" + attempts(delivery) + ", last error: " + delivery.getString("last_error");
    };
  }

  private static String attempts(JsonObject delivery) {
    int attempts = delivery.getInteger("attempts", 0);
    return attempts > 1 ? " after " + attempts + " attempts" : "";
  }
}
