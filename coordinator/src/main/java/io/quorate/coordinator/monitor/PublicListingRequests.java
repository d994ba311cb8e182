package io.quorate.coordinator.monitor;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public status fields of a monitor request: {@code public}, {@code public_name}, {@code public_group},
 * {@code public_slug}. Left out, a monitor is private; an empty text counts as left out.
 */
final class PublicListingRequests {
  static final Set<String> FIELDS = Set.of("public", "public_name", "public_group", "public_slug");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final int MAX_TEXT = 100;
  private static final int MAX_SLUG = 60;

  private PublicListingRequests() {}

  static PublicListing parse(JsonObject body) {
    boolean listed = RequestFields.bool(body, "public", false);
    Optional<String> name = text(body, "public_name");
    Optional<String> group = text(body, "public_group");
    Optional<String> slug = text(body, "public_slug");
    slug.ifPresent(s -> {
      if (s.length() > MAX_SLUG || !SLUG.matcher(s).matches()) {
        throw new ValidationException("public_slug", "must be up to " + MAX_SLUG
            + " lowercase letters, digits and single dashes, such as \"receipt-emails\"");
      }
    });
    return new PublicListing(listed, name, group, slug);
  }

  private static Optional<String> text(JsonObject body, String field) {
    Optional<String> value = RequestFields.optionalString(body, field).map(String::strip).filter(s -> !s.isEmpty());
    if (value.isPresent() && value.get().length() > MAX_TEXT) {
      throw new ValidationException(field, "must be at most " + MAX_TEXT + " characters");
    }
    if (value.isPresent() && value.get().chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException(field, "must be one line of text");
    }
    return value;
  }

  /** The API fields, added to a monitor's JSON. */
  static void put(JsonObject json, PublicListing listing) {
    json.put("public", listing.listed())
        .put("public_name", listing.name().orElse(null))
        .put("public_group", listing.group().orElse(null))
        .put("public_slug", listing.slug().orElse(null));
  }
}
