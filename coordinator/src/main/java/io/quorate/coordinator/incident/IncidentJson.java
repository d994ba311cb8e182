package io.quorate.coordinator.incident;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The incident as the API, the pages and webhook payloads show it. */
public final class IncidentJson {
  private IncidentJson() {}

  public static JsonObject toJson(Incident incident) {
    return new JsonObject()
        .put("id", incident.id().toString())
        .put("monitor_id", incident.monitorId().toString())
        .put("monitor_name", incident.monitorName())
        .put("state", incident.state())
        .put("opened_at", incident.openedAt().toString())
        .put("resolved_at", incident.resolvedAt().map(Object::toString).orElse(null))
        .put("reason", incident.reason())
        .put("regions_down", new JsonArray(incident.regionsDown()))
        .put("cause", incident.cause().isEmpty() ? null : incident.cause())
        .put("deadline_at", incident.deadlineAt().map(Object::toString).orElse(null))
        .put("resolution", incident.resolution().isEmpty() ? null : incident.resolution())
        .put("false_alarm", incident.falseAlarm())
        .put("acknowledged_at", incident.acknowledgedAt().map(Object::toString).orElse(null))
        .put("acknowledged_by", incident.acknowledgedBy().isEmpty() ? null : incident.acknowledgedBy())
        .put("resolved_by", incident.resolvedBy().isEmpty() ? null : incident.resolvedBy())
        .put("awaiting_recovery", incident.awaitingRecovery())
        .put("reopened_count", incident.reopenedCount())
        .put("reminders_sent", incident.remindersSent())
        .put("escalated_at", incident.escalatedAt().map(Object::toString).orElse(null))
        .put("down_alert", downAlert(incident))
        .put("alert_held_by", incident.downAlertHeld() ? incident.alertHeldBy() : null);
  }

  /**
   * {@code sent}; {@code held} while a maintenance window or silence holds it (it goes out when that ends and the
   * incident is still open); {@code never_sent} when it resolved while held.
   */
  private static String downAlert(Incident incident) {
    if (!incident.downAlertHeld()) {
      return "sent";
    }
    return incident.isOpen() ? "held" : "never_sent";
  }
}
