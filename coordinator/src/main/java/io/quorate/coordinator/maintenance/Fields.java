package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.monitor.Durations;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** Reading request fields of windows and silences, each failure a 400 naming the field. */
final class Fields {
  private Fields() {}

  static void rejectUnknown(JsonObject body, Set<String> allowed) {
    for (String name : body.fieldNames()) {
      if (!allowed.contains(name)) {
        throw new ValidationException(name, "unknown field; known: "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  static Optional<String> text(JsonObject body, String field, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new ValidationException(field, "must be text");
    }
    if (text.strip().length() > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    return Optional.of(text.strip()).filter(t -> !t.isEmpty());
  }

  static String requiredText(JsonObject body, String field, int max, String what) {
    return text(body, field, max).orElseThrow(() -> new ValidationException(field, field + " is required: " + what));
  }

  /** An instant with its offset, e.g. {@code 2026-12-06T02:00:00+01:00} or {@code 2026-12-06T01:00:00Z}. */
  static Optional<Instant> instant(JsonObject body, String field) {
    Optional<String> text = text(body, field, 100);
    try {
      return text.map(t -> OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      throw new ValidationException(field, "must be a time with its offset such as 2026-12-06T02:00:00+01:00 or"
          + " 2026-12-06T01:00:00Z, got \"" + text.get() + "\"");
    }
  }

  static Optional<Duration> duration(JsonObject body, String field, Duration max) {
    Optional<String> text = text(body, field, 50);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Duration duration;
    try {
      duration = Durations.parse(text.get());
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field, e.getMessage());
    }
    return Optional.of(within(field, duration, max));
  }

  /** At least a minute (a shorter hold would end before a sweep noticed it), at most {@code max}. */
  static Duration within(String field, Duration duration, Duration max) {
    if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(max) > 0) {
      throw new ValidationException(field, "must be between 1m and " + Durations.format(max) + ", got "
          + Durations.format(duration));
    }
    return duration;
  }
}
