package io.quorate.coordinator.incident;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the team tells the public about an incident, shown on the status page. Unlike notes and the
 * incident's reason it is written for customers, so it is the only incident text the public sees.
 *
 * @param status where the team is: investigating, identified, monitoring or resolved (it does not change
 *     the incident itself, which resolves when the monitor recovers or someone resolves it)
 * @param author who wrote it; shown to the team, never on the public page
 */
public record PublicUpdate(UUID id, UUID incidentId, String status, String message, String author, Instant createdAt) {
  public static final List<String> STATUSES = List.of("investigating", "identified", "monitoring", "resolved");

  public PublicUpdate {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(author, "author");
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown public update status " + status);
    }
  }

  /** For the team's API, with the author. */
  public JsonObject toJson() {
    return new JsonObject().put("id", id.toString()).put("status", status).put("message", message)
        .put("by", author).put("created_at", createdAt.toString());
  }
}
