package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a silence from a request: {@code matchers}, {@code created_by}, optional {@code comment}, optional
 * {@code starts_at} (default now), and {@code ends_at} or {@code duration}. At most 30 days: a longer silence is
 * usually forgotten, and renewing one is a small, visible act.
 */
final class SilenceRequests {
  static final Duration MAX = Duration.ofDays(30);
  private static final Set<String> FIELDS = Set.of("matchers", "starts_at", "ends_at", "duration", "created_by",
      "comment");

  private SilenceRequests() {}

  static SilenceStore.Draft parse(JsonObject body, Instant now) {
    Fields.rejectUnknown(body, FIELDS);
    Matchers matchers = MatcherRequests.parse(body);
    String createdBy = Fields.requiredText(body, "created_by", 100, "the name of the person silencing");
    Instant start = Fields.instant(body, "starts_at").orElse(now);
    Optional<Instant> end = Fields.instant(body, "ends_at");
    Optional<Duration> duration = Fields.duration(body, "duration", MAX);
    if (end.isPresent() == duration.isPresent()) {
      throw new ValidationException("ends_at", "give either ends_at or duration");
    }
    Instant ends = end.orElseGet(() -> start.plus(duration.get()));
    if (!ends.isAfter(start)) {
      throw new ValidationException("ends_at", "must be after starts_at");
    }
    Fields.within("ends_at", Duration.between(start, ends), MAX);
    if (!ends.isAfter(now)) {
      throw new ValidationException("ends_at", "is in the past (" + ends + ")");
    }
    return new SilenceStore.Draft(matchers, start, ends, createdBy, Fields.text(body, "comment", 4000).orElse(""));
  }
}
