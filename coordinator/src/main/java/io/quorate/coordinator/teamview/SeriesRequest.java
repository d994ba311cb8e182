package io.quorate.coordinator.teamview;

import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.monitor.Durations;
import io.quorate.coordinator.quorum.ObservationRollups;
import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/monitors/{id}/series?from=&to=&step=&names=}: a time range cut into buckets.
 * {@code to} is an ISO time (default now); {@code from} an ISO time or a duration before {@code to}
 * ({@code 24h}, {@code 7d}; default 24h); {@code step} a duration, by default the range divided into about
 * {@value #DEFAULT_POINTS} buckets of a round length; {@code names} the series (default depth, oldest_job_age).
 */
public record SeriesRequest(Instant from, Instant to, Duration step, List<String> names) {
  static final int DEFAULT_POINTS = 240;
  static final int MAX_POINTS = 2_000;
  static final Duration MAX_RANGE = Duration.ofDays(90);
  private static final List<Duration> ROUND_STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
      Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1));
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  static SeriesRequest parse(MultiMap params, Instant now) {
    Instant to = params.contains("to") ? instant("to", params.get("to")) : now;
    Instant from = params.contains("from") ? fromParam(params.get("from"), to) : to.minus(Duration.ofHours(24));
    if (!from.isBefore(to)) {
      throw new ValidationException("from", "must be before to");
    }
    Duration range = Duration.between(from, to);
    if (range.compareTo(MAX_RANGE) > 0) {
      throw new ValidationException("from", "the range may span at most 90 days");
    }
    Duration step = params.contains("step") ? duration("step", params.get("step")) : roundStep(range);
    if (step.isZero() || range.dividedBy(step) > MAX_POINTS) {
      throw new ValidationException("step", "gives more than " + MAX_POINTS + " points for this range; choose a longer step");
    }
    if (step.toMillis() % ObservationRollups.BUCKET.toMillis() == 0) {
      // Whole rollup buckets: the range grows to their edges so every bucket counts in full.
      from = ObservationRollups.bucketOf(from);
      Instant toBucket = ObservationRollups.bucketOf(to);
      to = toBucket.equals(to) ? to : toBucket.plus(ObservationRollups.BUCKET);
    }
    return new SeriesRequest(from, to, step, names(params.get("names")));
  }

  /** Whether the points come from the five-minute rollups: when the step is made of whole rollup buckets. */
  boolean fromRollups() {
    return step.toMillis() % ObservationRollups.BUCKET.toMillis() == 0;
  }

  private static Instant fromParam(String value, Instant to) {
    return value.contains("T") ? instant("from", value) : to.minus(duration("from", value));
  }

  private static Instant instant(String field, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ValidationException(field, "must be an ISO-8601 UTC time such as 2026-12-01T00:00:00Z");
    }
  }

  private static Duration duration(String field, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field, e.getMessage());
    }
  }

  private static Duration roundStep(Duration range) {
    for (Duration step : ROUND_STEPS) {
      if (range.dividedBy(step) <= DEFAULT_POINTS) {
        return step;
      }
    }
    return ROUND_STEPS.get(ROUND_STEPS.size() - 1);
  }

  private static List<String> names(String value) {
    if (value == null || value.isBlank()) {
      return List.of("depth", "oldest_job_age");
    }
    List<String> names = new ArrayList<>();
    for (String name : value.split(",")) {
      if (!NAME.matcher(name.trim()).matches()) {
        throw new ValidationException("names", "must be series names such as depth,oldest_job_age");
      }
      names.add(name.trim());
    }
    if (names.size() > 5) {
      throw new ValidationException("names", "at most 5 series at once");
    }
    return List.copyOf(names);
  }
}
