package io.quorate.coordinator.monitor;

import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.heartbeat.schedule.CronSchedule;
import io.quorate.coordinator.heartbeat.schedule.EverySchedule;
import io.quorate.coordinator.heartbeat.schedule.Schedule;
import io.quorate.coordinator.heartbeat.schedule.ScheduleException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The heartbeat part of a monitor request: exactly one of {@code period}, {@code cron} (with an optional
 * {@code timezone}) and {@code fleet}; then {@code grace}, {@code max_run_time}, {@code conditions},
 * {@code slug} and {@code quorum}.
 */
final class HeartbeatRequests {
  static final Set<String> FIELDS = Set.of("period", "cron", "timezone", "fleet", "grace", "max_run_time",
      "conditions", "slug", "quorum");
  private static final Set<String> FLEET_FIELDS = Set.of("window", "min_pings", "max_failure_ratio");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
  private static final Duration MAX = Duration.ofDays(365);

  private HeartbeatRequests() {}

  static HeartbeatSpec parse(JsonObject body, Optional<HeartbeatSpec> existing) {
    long kinds = List.of("period", "cron", "fleet").stream().filter(body::containsKey).count();
    if (kinds != 1) {
      throw new ValidationException("period", kinds == 0
          ? "is required: give how often the worker pings (\"period\": \"5m\"), a cron expression (\"cron\": \"0 2 * * *\")"
              + " or a fleet rule (\"fleet\": {\"window\": \"5m\", \"min_pings\": 100})"
          : "give only one of period, cron and fleet");
    }
    Optional<FleetRule> fleet = body.containsKey("fleet") ? Optional.of(fleet(body)) : Optional.empty();
    Optional<Schedule> schedule = fleet.isPresent() ? Optional.empty() : Optional.of(schedule(body));
    if (fleet.isPresent() && body.containsKey("grace")) {
      throw new ValidationException("grace", "is not used by fleet heartbeats: their window already allows for gaps");
    }
    Duration grace = bounded(body, "grace", "1m", Duration.ZERO);
    Optional<Duration> maxRunTime = body.containsKey("max_run_time") && body.getValue("max_run_time") != null
        ? Optional.of(bounded(body, "max_run_time", null, Duration.ZERO)) : Optional.empty();
    List<String> conditions = MonitorRequests.conditions(body);
    Optional<String> slug = slug(body);
    Optional<Integer> quorum = body.getValue("quorum") == null ? Optional.empty()
        : Optional.of((int) RequestFields.whole(body, "quorum", 1, 1, 100));
    UUID pingId = existing.map(HeartbeatSpec::pingId).orElseGet(UUID::randomUUID);
    return new HeartbeatSpec(pingId, schedule, fleet, grace, maxRunTime, conditions, slug, quorum);
  }

  private static Schedule schedule(JsonObject body) {
    if (body.containsKey("period")) {
      if (body.containsKey("timezone")) {
        throw new ValidationException("timezone", "only applies to a cron schedule");
      }
      return new EverySchedule(bounded(body, "period", null, Duration.ofSeconds(1)));
    }
    String cron = RequestFields.requiredString(body, "cron");
    String zone = RequestFields.optionalString(body, "timezone").orElse("UTC");
    try {
      return CronSchedule.parse(cron, zone);
    } catch (ScheduleException e) {
      String prefix = e.field() + ": ";
      String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
      throw new ValidationException(e.field(), message);
    }
  }

  private static FleetRule fleet(JsonObject body) {
    JsonObject fleet = RequestFields.object(body, "fleet",
        "such as {\"window\": \"5m\", \"min_pings\": 100, \"max_failure_ratio\": \"5%\"}").orElseThrow();
    RequestFields.rejectUnknown(fleet, "fleet.", FLEET_FIELDS, "fleet rules");
    if (!fleet.containsKey("window")) {
      throw new ValidationException("fleet.window", "is required, e.g. \"5m\"");
    }
    Duration window = prefixed("fleet.", () -> bounded(fleet, "window", null, Duration.ofSeconds(10)));
    long minPings = prefixed("fleet.", () -> RequestFields.whole(fleet, "min_pings", 1, 0, 100_000_000));
    Optional<Double> ratio = ratio(fleet.getValue("max_failure_ratio"));
    if (minPings == 0 && ratio.isEmpty()) {
      throw new ValidationException("fleet.min_pings", "must be at least 1 unless max_failure_ratio is set");
    }
    return new FleetRule(window, minPings, ratio);
  }

  /** A number from 0 to 1, or a percentage such as "5%". */
  private static Optional<Double> ratio(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    double ratio;
    if (value instanceof Number number) {
      ratio = number.doubleValue();
    } else if (value instanceof String text && text.trim().matches("\\d+(\\.\\d+)?%")) {
      ratio = Double.parseDouble(text.trim().replace("%", "")) / 100;
    } else {
      throw new ValidationException("fleet.max_failure_ratio", "must be a number from 0 to 1 or a percentage such as \"5%\"");
    }
    if (!(ratio >= 0 && ratio < 1)) {
      throw new ValidationException("fleet.max_failure_ratio", "must be at least 0 and below 1 (100%), got " + value);
    }
    return Optional.of(ratio);
  }

  private static Optional<String> slug(JsonObject body) {
    Optional<String> slug = RequestFields.optionalString(body, "slug").map(String::trim).filter(s -> !s.isEmpty());
    if (slug.isPresent() && !SLUG.matcher(slug.get()).matches()) {
      throw new ValidationException("slug", "must be 1 to 100 lowercase letters, digits, dashes or underscores,"
          + " starting with a letter or digit, got \"" + slug.get() + "\"");
    }
    return slug;
  }

  private static Duration bounded(JsonObject body, String field, String fallback, Duration min) {
    Duration value = RequestFields.duration(body, field, fallback);
    if (value.compareTo(min) < 0 || value.compareTo(MAX) > 0) {
      throw new ValidationException(field, "must be between " + Durations.format(min) + " and 365d");
    }
    return value;
  }

  /** Re-throws a nested object's field error with its full name, e.g. fleet.window. */
  private static <T> T prefixed(String prefix, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ValidationException e) {
      throw new ValidationException(prefix + e.field(), e.problem());
    }
  }
}
