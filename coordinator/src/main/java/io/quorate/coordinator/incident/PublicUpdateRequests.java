package io.quorate.coordinator.incident;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /incidents/{id}/public-updates}: {@code {"status", "message", "by"}}, or a
 * {@link ValidationException} naming the first wrong field. Checked before anything is stored.
 */
final class PublicUpdateRequests {
  private static final Set<String> FIELDS = Set.of("status", "message", "by");
  private static final int MAX_MESSAGE = 4000;
  private static final int MAX_BY = 100;

  private PublicUpdateRequests() {}

  static PublicUpdate parse(UUID incidentId, JsonObject body, Instant now) {
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw new ValidationException(field, "is not a field of a public update (status, message, by)");
      }
    }
    String status = required(body, "status", 20);
    if (!PublicUpdate.STATUSES.contains(status)) {
      throw new ValidationException("status", "must be one of " + String.join(", ", PublicUpdate.STATUSES)
          + ", got \"" + status + "\"");
    }
    String message = required(body, "message", MAX_MESSAGE);
    String by = required(body, "by", MAX_BY);
    return new PublicUpdate(UUID.randomUUID(), incidentId, status, message, by, now);
  }

  private static String required(JsonObject body, String field, int maxLength) {
    Object value = body.getValue(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new ValidationException(field, "is required and must be text");
    }
    if (text.strip().length() > maxLength) {
      throw new ValidationException(field, "must be at most " + maxLength + " characters");
    }
    return text.strip();
  }
}
