package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.heartbeat.schedule.CronSchedule;
import io.quorate.coordinator.heartbeat.schedule.ScheduleException;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a maintenance window from a request: {@code name}, {@code matchers}, optional {@code comment}, and either
 * {@code starts_at} with {@code ends_at} (or {@code duration}) for a one-off window, or {@code cron} with
 * {@code duration} and {@code time_zone} for a recurring one. Every problem is a 400 naming the field.
 */
final class MaintenanceRequests {
  static final Duration MAX_ONE_OFF = Duration.ofDays(30);
  /** A recurring window longer than a week would be on almost always: that is a silence, not maintenance. */
  static final Duration MAX_RECURRING = Duration.ofDays(7);
  private static final Set<String> FIELDS = Set.of("name", "matchers", "starts_at", "ends_at", "cron", "duration",
      "time_zone", "comment");
  /** Fields a client may send back unchanged from a GET; they are ignored, never written. */
  private static final Set<String> READ_ONLY = Set.of("id", "kind", "active_now", "active_until", "held_text",
      "next_occurrences", "created_at", "updated_at");

  private MaintenanceRequests() {}

  static MaintenanceWindow.Draft parse(JsonObject body, Instant now) {
    JsonObject written = body.copy();
    READ_ONLY.forEach(written::remove);
    Fields.rejectUnknown(written, FIELDS);
    String name = Fields.requiredText(written, "name", 200, "what the maintenance is, e.g. \"DB upgrade\"");
    Matchers matchers = MatcherRequests.parse(written);
    ZoneId zone = zone(written);
    WindowSchedule schedule = written.getValue("cron") != null ? recurring(written, zone) : oneOff(written, zone, now);
    return new MaintenanceWindow.Draft(name, matchers, schedule, Fields.text(written, "comment", 4000).orElse(""));
  }

  private static ZoneId zone(JsonObject body) {
    Optional<String> id = Fields.text(body, "time_zone", 100);
    try {
      return id.map(ZoneId::of).orElse(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new ValidationException("time_zone", "unknown time zone \"" + id.get() + "\"; use an IANA name such as"
          + " Europe/Berlin");
    }
  }

  private static WindowSchedule recurring(JsonObject body, ZoneId zone) {
    for (String oneOffField : new String[] {"starts_at", "ends_at"}) {
      if (body.getValue(oneOffField) != null) {
        throw new ValidationException(oneOffField, "a recurring window (with cron) has no " + oneOffField
            + "; it starts at each firing of cron and lasts duration");
      }
    }
    Duration duration = Fields.duration(body, "duration", MAX_RECURRING).orElseThrow(() -> new ValidationException(
        "duration", "duration is required with cron: how long each occurrence lasts, e.g. 2h"));
    String cron = Fields.requiredText(body, "cron", 200, "a 5-field cron expression");
    try {
      return new WindowSchedule.Recurring(CronSchedule.parse(cron, zone.getId()), duration);
    } catch (ScheduleException e) {
      String field = e.field().equals("timezone") ? "time_zone" : "cron";
      throw new ValidationException(field, e.getMessage().substring(e.field().length() + 2));
    }
  }

  private static WindowSchedule oneOff(JsonObject body, ZoneId zone, Instant now) {
    Instant start = Fields.instant(body, "starts_at").orElseThrow(() -> new ValidationException("starts_at",
        "starts_at is required for a one-off window (or give cron and duration for a recurring one)"));
    Optional<Instant> end = Fields.instant(body, "ends_at");
    Optional<Duration> duration = Fields.duration(body, "duration", MAX_ONE_OFF);
    if (end.isPresent() == duration.isPresent()) {
      throw new ValidationException("ends_at", "give either ends_at or duration");
    }
    Instant ends = end.orElseGet(() -> start.plus(duration.get()));
    if (!ends.isAfter(start)) {
      throw new ValidationException("ends_at", "must be after starts_at");
    }
    Fields.within("ends_at", Duration.between(start, ends), MAX_ONE_OFF);
    if (!ends.isAfter(now)) {
      throw new ValidationException("ends_at", "is in the past (" + ends + "); a window that is over holds nothing");
    }
    return new WindowSchedule.OneOff(start, ends, zone);
  }
}
