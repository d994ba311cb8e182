package io.quorate.coordinator.status;

import io.quorate.coordinator.incident.PublicUpdate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /api/v1/status}: the snapshot as JSON (shape in docs/CONTRACTS.md). It carries no time of its own
 * making, so its ETag stays the same while nothing changes and readers get 304s.
 */
final class StatusJson {
  private StatusJson() {}

  static JsonObject of(StatusSnapshot snapshot) {
    JsonArray components = new JsonArray();
    snapshot.components().forEach(c -> components.add(component(c)));
    JsonArray active = new JsonArray();
    snapshot.activeIncidents().forEach(i -> active.add(incident(i)));
    JsonArray recent = new JsonArray();
    snapshot.recentIncidents().forEach(i -> recent.add(incident(i)));
    return new JsonObject()
        .put("state", snapshot.overall().label())
        .put("components", components)
        .put("active_incidents", active)
        .put("recent_incidents", recent)
        .put("uptime_days", Uptime.DAYS)
        .put("recent_days", StatusSnapshot.RECENT_DAYS);
  }

  private static JsonObject component(Component component) {
    JsonArray days = new JsonArray();
    component.uptime().days().forEach(day -> days.add(new JsonObject().put("date", day.date().toString())
        .put("up_percent", day.upPercent().isPresent() ? day.upPercent().getAsDouble() : null)));
    return new JsonObject()
        .put("name", component.name())
        .put("group", component.group().orElse(null))
        .put("slug", component.slug())
        .put("state", component.state().label())
        .put("uptime_percent", component.uptime().overall().isPresent() ? component.uptime().overall().getAsDouble() : null)
        .put("days", days);
  }

  private static JsonObject incident(PublicIncident incident) {
    JsonArray updates = new JsonArray();
    incident.updatesNewestFirst().forEach(u -> updates.add(update(u)));
    return new JsonObject()
        .put("id", incident.id().toString())
        .put("component", incident.component())
        .put("started_at", incident.startedAt().toString())
        .put("resolved_at", incident.resolvedAt().map(Object::toString).orElse(null))
        .put("updates", updates);
  }

  /** Without the author: the public page speaks for the team, not for a person. */
  private static JsonObject update(PublicUpdate update) {
    return new JsonObject().put("status", update.status()).put("message", update.message())
        .put("created_at", update.createdAt().toString());
  }
}
