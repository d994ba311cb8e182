package io.quorate.coordinator.notify.pagerduty;

import io.quorate.coordinator.notify.Alert;
import io.quorate.coordinator.notify.AlertEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An alert as an Events API v2 event. The incident id is the {@code dedup_key}, so the opening, any
 * reminders or escalations, the acknowledgement and the resolution all act on one PagerDuty alert.
 */
public final class PagerDutyEvent {
  /** PagerDuty cuts summaries at 1,024 characters. */
  private static final int SUMMARY_CHARS = 1024;

  private PagerDutyEvent() {}

  /** @param severity of triggers; a test alert is always "info" */
  public static JsonObject of(Alert alert, String routingKey, String severity, String deliveryId) {
    String action = action(alert.kind());
    JsonObject event = new JsonObject()
        .put("routing_key", routingKey)
        .put("event_action", action)
        // A test alert has no incident: its own key keeps it apart from every real one.
        .put("dedup_key", alert.incidentId().orElse("quorate-test-" + deliveryId));
    if (!action.equals("trigger")) {
      return event; // acknowledge and resolve need only the key
    }
    JsonObject details = new JsonObject().put("event", alert.payload().getString("event")).put("text", alert.text());
    copy(alert.payload(), "incident", details);
    copy(alert.payload(), "monitor", details);
    event.put("payload", new JsonObject()
            .put("summary", Alert.shorten(alert.text(), SUMMARY_CHARS))
            .put("source", alert.monitorName().orElse("Quorate"))
            .put("severity", alert.kind() == AlertEvent.TEST ? "info" : severity)
            .put("custom_details", details))
        .put("client", "Quorate");
    alert.link().ifPresent(url -> event.put("client_url", url)
        .put("links", new JsonArray().add(new JsonObject().put("href", url).put("text", "Open in Quorate"))));
    return event;
  }

  static String action(AlertEvent kind) {
    return switch (kind) {
      case RESOLVED, REGION_RECOVERED -> "resolve";
      case ACKNOWLEDGED -> "acknowledge";
      default -> "trigger";
    };
  }

  private static void copy(JsonObject from, String field, JsonObject to) {
    if (from.getValue(field) instanceof JsonObject value) {
      to.put(field, value.copy());
    }
  }
}
