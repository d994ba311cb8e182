package io.quorate.coordinator.notify;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a channel's people are at work: on {@code days}, from {@code start} (inclusive) to {@code end}
 * (exclusive), local time in {@code zone}. Alerts that need not wake anyone wait for the next start.
 * A window does not cross midnight. A start that falls into a daylight-saving gap (02:30 on the night clocks
 * jump from 02:00 to 03:00) begins when the clocks jump.
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {
  private static final Pattern CLOCK_TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
  private static final Set<String> FIELDS = Set.of("days", "start", "end", "time_zone");

  public WorkingHours {
    if (days.isEmpty()) {
      throw new IllegalArgumentException("working hours need at least one day");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("working hours end before they start");
    }
  }

  public boolean contains(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
  }

  /** {@code now} when inside the hours, else the next time they start. */
  public Instant nextOpening(Instant now) {
    return contains(now) ? now : nextStart(now);
  }

  /** The first start of the working hours after {@code now}; within eight days, as at least one day is set. */
  public Instant nextStart(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    for (int ahead = 0; ahead <= 7; ahead++) {
      LocalDate date = today.plusDays(ahead);
      if (days.contains(date.getDayOfWeek())) {
        Instant begins = startOn(date);
        if (begins.isAfter(now)) {
          return begins;
        }
      }
    }
    throw new IllegalStateException("no working day within a week: " + days);
  }

  /** The first instant of the day whose local time is at least {@code start}. */
  private Instant startOn(LocalDate date) {
    LocalDateTime local = LocalDateTime.of(date, start);
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.of(local, zone).toInstant();
  }

  /**
   * Reads {@code {"days": ["mon", ...], "start": "09:00", "end": "17:00", "time_zone": "Europe/Berlin"}};
   * {@code time_zone} defaults to UTC.
   *
   * @param field the name of the object in the request, for error messages
   */
  public static WorkingHours fromJson(Object value, String field) {
    if (!(value instanceof JsonObject json)) {
      throw new ValidationException(field, "must be an object like {\"days\": [\"mon\", \"tue\"], \"start\": \"09:00\","
          + " \"end\": \"17:00\", \"time_zone\": \"Europe/Berlin\"}");
    }
    for (String name : json.fieldNames()) {
      if (!FIELDS.contains(name)) {
        throw new ValidationException(field + "." + name, "is not a field of working hours");
      }
    }
    LocalTime start = clockTime(json.getValue("start"), field + ".start");
    LocalTime end = clockTime(json.getValue("end"), field + ".end");
    if (!start.isBefore(end)) {
      throw new ValidationException(field + ".end", "must be after start (hours across midnight are not supported)");
    }
    return new WorkingHours(days(json.getValue("days"), field + ".days"), start, end, zone(json.getValue("time_zone"),
        field + ".time_zone"));
  }

  public JsonObject toJson() {
    JsonArray names = new JsonArray();
    EnumSet.copyOf(days).forEach(day -> names.add(day.name().substring(0, 3).toLowerCase(Locale.ROOT)));
    return new JsonObject().put("days", names).put("start", start.toString()).put("end", end.toString())
        .put("time_zone", zone.getId());
  }

  private static Set<DayOfWeek> days(Object value, String field) {
    String expected = "must be a non-empty list of days such as [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]";
    if (!(value instanceof JsonArray list) || list.isEmpty()) {
      throw new ValidationException(field, expected);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Object item : list) {
      days.add(day(item).orElseThrow(() -> new ValidationException(field, expected + ", got " + item)));
    }
    return days;
  }

  private static java.util.Optional<DayOfWeek> day(Object item) {
    if (item instanceof String text && text.length() == 3) {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (day.name().startsWith(text.toUpperCase(Locale.ROOT))) {
          return java.util.Optional.of(day);
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static LocalTime clockTime(Object value, String field) {
    if (!(value instanceof String text) || !CLOCK_TIME.matcher(text).matches()) {
      throw new ValidationException(field, "must be a time of day such as \"09:00\" (24-hour clock)");
    }
    return LocalTime.parse(text);
  }

  private static ZoneId zone(Object value, String field) {
    if (value == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of((String) value);
    } catch (DateTimeException | ClassCastException e) {
      throw new ValidationException(field, "must be a time zone such as \"Europe/Berlin\", got " + value);
    }
  }
}
