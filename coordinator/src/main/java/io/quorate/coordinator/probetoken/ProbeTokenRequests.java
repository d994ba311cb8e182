package io.quorate.coordinator.probetoken;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates {@code POST /probe-tokens} bodies; a bad one is a 400 naming the field. */
final class ProbeTokenRequests {
  /** The same rule as a probe's {@code --region} and the link's Hello. */
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");
  private static final Set<String> FIELDS = Set.of("region", "name", "created_by");
  private static final int MAX_TEXT = 100;

  private ProbeTokenRequests() {}

  record Draft(String region, String name, Optional<String> createdBy) {}

  static Draft parse(JsonObject body) {
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw new ValidationException(field, "is not a field of a probe token (region, name, created_by)");
      }
    }
    Object region = body.getValue("region");
    if (!(region instanceof String text) || text.isBlank()) {
      throw new ValidationException("region", "is required: the region the token's probes speak for, e.g. \"eu-west\"");
    }
    if (!REGION.matcher(text).matches()) {
      throw new ValidationException("region", "must be 1 to 40 lowercase letters, digits or dashes, got \"" + text + "\"");
    }
    return new Draft(text, text("name", body.getValue("name")).orElseThrow(() ->
        new ValidationException("name", "is required: which probe or machine will use the token")),
        text("created_by", body.getValue("created_by")));
  }

  private static Optional<String> text(String field, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new ValidationException(field, "must be a string");
    }
    if (text.isBlank()) {
      return Optional.empty();
    }
    if (text.strip().length() > MAX_TEXT) {
      throw new ValidationException(field, "must be at most " + MAX_TEXT + " characters");
    }
    return Optional.of(text.strip());
  }
}
