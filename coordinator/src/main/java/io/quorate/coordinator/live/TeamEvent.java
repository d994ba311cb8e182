package io.quorate.coordinator.live;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Something a team view should show without a reload. Only ids travel: a page reads the monitor or
 * incident again from the API, so an event never carries more than the reader may see and never goes stale.
 *
 * @param type one of {@link #TYPES}
 * @param node the coordinator node where it happened
 */
public record TeamEvent(String type, UUID monitorId, Optional<UUID> incidentId, Instant at, String node) {
  public static final String INCIDENT_OPENED = "incident.opened";
  public static final String INCIDENT_REOPENED = "incident.reopened";
  public static final String INCIDENT_ACKNOWLEDGED = "incident.acknowledged";
  public static final String INCIDENT_RESOLVED = "incident.resolved";
  public static final String MONITOR_CREATED = "monitor.created";
  public static final String MONITOR_UPDATED = "monitor.updated";
  public static final String MONITOR_DELETED = "monitor.deleted";
  /** A region's vote on the monitor changed (up, down, pending), whether or not an incident followed. */
  public static final String MONITOR_STATE = "monitor.state";
  public static final java.util.List<String> TYPES = java.util.List.of(INCIDENT_OPENED, INCIDENT_REOPENED,
      INCIDENT_ACKNOWLEDGED, INCIDENT_RESOLVED, MONITOR_CREATED, MONITOR_UPDATED, MONITOR_DELETED, MONITOR_STATE);

  public TeamEvent {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("unknown team event type " + type);
    }
    Objects.requireNonNull(monitorId, "monitorId");
    Objects.requireNonNull(incidentId, "incidentId");
  }

  public JsonObject toJson() {
    return new JsonObject().put("type", type).put("monitor_id", monitorId.toString())
        .put("incident_id", incidentId.map(UUID::toString).orElse(null)).put("at", at.toString()).put("node", node);
  }

  public static TeamEvent fromJson(JsonObject json) {
    return new TeamEvent(json.getString("type"), UUID.fromString(json.getString("monitor_id")),
        Optional.ofNullable(json.getString("incident_id")).map(UUID::fromString), Instant.parse(json.getString("at")),
        json.getString("node"));
  }
}
