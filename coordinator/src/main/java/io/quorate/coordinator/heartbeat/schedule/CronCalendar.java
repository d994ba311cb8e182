package io.quorate.coordinator.heartbeat.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local wall-clock times a 5-field cron expression matches, with no time zone. cron-utils evaluates it in UTC,
 * which never changes offset, so its answers are plain calendar arithmetic; {@link ZonedFirings} alone decides what
 * those local times mean when a zone's clocks change. Matching follows Vixie cron: a day must match both day fields
 * when either starts with {@code *}, otherwise either one.
 */
final class CronCalendar {
  static final String FIVE_FIELDS = "5 fields (minute hour day-of-month month day-of-week)";
  private static final String[] FIELD_NAMES = {"minute", "hour", "day-of-month", "month", "day-of-week"};
  private static final String[] FIELD_VALUES = {"use 0-59", "use 0-23", "use 1-31", "use 1-12 or JAN-DEC",
      "use 0-7 or SUN-SAT"};
  // cron-utils' UNIX type has no nicknames, so they are spelled out here as crontab(5) defines them.
  private static final Map<String, String> NICKNAMES = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
      "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
      "@hourly", "0 * * * *");
  private static final String NICKNAME_HINT = "use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, "
      + "@hourly, or " + FIVE_FIELDS;
  // Keeps out cron-utils extensions that Unix cron lacks ("|" alternatives, "?", "L", "W", "#").
  private static final Pattern UNIX_FIELD = Pattern.compile("[0-9A-Za-z*,/-]+");
  private static final Pattern NOT_UNIX = Pattern.compile("[^0-9A-Za-z*,/-]");
  private static final CronParser EITHER_DAY =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser BOTH_DAYS = new CronParser(unixMatchingBothDays());
  // A fixed start, so "never fires" depends on the expression alone, not on today. cron-utils looks 100 years
  // ahead, far more than any day pattern that occurs at all needs (a 29 February: 8 years at most).
  private static final ZonedDateTime PROBE_FROM = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final ExecutionTime times;
  private final boolean fixedTime;

  private CronCalendar(ExecutionTime times, boolean fixedTime) {
    this.times = times;
    this.fixedTime = fixedTime;
  }

  /** @param text the expression with whitespace already collapsed; it is quoted in every error. */
  static CronCalendar compile(String text) {
    if (text.isEmpty()) {
      throw new ScheduleException("cron", "is empty; expected " + FIVE_FIELDS + ", such as \"0 3 * * *\"");
    }
    String[] fields = (text.startsWith("@") ? nickname(text) : text).split(" ");
    if (fields.length != 5) {
      throw new ScheduleException("cron", "expected " + FIVE_FIELDS + ", got " + fields.length + " in " + quote(text));
    }
    for (int i = 0; i < fields.length; i++) {
      if (!UNIX_FIELD.matcher(fields[i]).matches()) {
        var bad = NOT_UNIX.matcher(fields[i]);
        bad.find();
        throw new ScheduleException("cron", "unsupported character '" + bad.group() + "' in " + FIELD_NAMES[i] + " \""
            + fields[i] + "\" of " + quote(text) + "; use numbers, names such as MON or JAN, and * , - /");
      }
    }
    boolean bothDays = fields[2].startsWith("*") || fields[4].startsWith("*");
    ExecutionTime times = ExecutionTime.forCron(parse(bothDays ? BOTH_DAYS : EITHER_DAY, fields, text));
    if (times.nextExecution(PROBE_FROM).isEmpty()) {
      throw new ScheduleException("cron", "never fires: no date matches " + quote(text));
    }
    // Vixie cron's "fixed-time" job: neither minute nor hour starts with '*'; it gets the catch-up/no-repeat rules.
    return new CronCalendar(times, !fields[0].startsWith("*") && !fields[1].startsWith("*"));
  }

  /** Whether clock changes treat this as a fixed-time job (see {@link ZonedFirings}). */
  boolean fixedTime() {
    return fixedTime;
  }

  Optional<LocalDateTime> firstAfter(LocalDateTime x) {
    // Matches are whole minutes, so "after x" equals "after x without its fraction of a second".
    return times.nextExecution(utc(x.truncatedTo(ChronoUnit.SECONDS))).map(ZonedDateTime::toLocalDateTime);
  }

  Optional<LocalDateTime> firstAtOrAfter(LocalDateTime x) {
    return firstAfter(x.minusNanos(1));
  }

  Optional<LocalDateTime> lastBefore(LocalDateTime x) {
    LocalDateTime whole = x.truncatedTo(ChronoUnit.SECONDS);
    LocalDateTime ceiling = whole.equals(x) ? x : whole.plusSeconds(1);
    return times.lastExecution(utc(ceiling)).map(ZonedDateTime::toLocalDateTime);
  }

  Optional<LocalDateTime> lastAtOrBefore(LocalDateTime x) {
    return lastBefore(x.plusNanos(1));
  }

  private static ZonedDateTime utc(LocalDateTime x) {
    return x.atZone(ZoneOffset.UTC);
  }

  private static String nickname(String text) {
    String fields = NICKNAMES.get(text.toLowerCase(Locale.ROOT));
    if (fields != null) {
      return fields;
    }
    if (text.equalsIgnoreCase("@reboot")) {
      throw new ScheduleException("cron", "\"@reboot\" has no times at which to expect a ping; " + NICKNAME_HINT);
    }
    throw new ScheduleException("cron", "unknown nickname " + quote(text) + "; " + NICKNAME_HINT);
  }

  /** cron-utils does not say which field is wrong, so each field is tried alone to name it. */
  private static Cron parse(CronParser parser, String[] fields, String text) {
    try {
      return parser.parse(String.join(" ", fields));
    } catch (IllegalArgumentException whole) {
      for (int i = 0; i < fields.length; i++) {
        String[] alone = {"*", "*", "*", "*", "*"};
        alone[i] = fields[i];
        try {
          parser.parse(String.join(" ", alone));
        } catch (IllegalArgumentException e) {
          throw new ScheduleException("cron", "invalid " + FIELD_NAMES[i] + " \"" + fields[i] + "\" ("
              + reason(i, e) + ") in " + quote(text), e);
        }
      }
      throw new ScheduleException("cron", reason(-1, whole) + " in " + quote(text), whole);
    }
  }

  private static String reason(int field, IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage()).replace("Failed to parse cron expression. ", "");
    if (field >= 0 && message.startsWith("Invalid chars")) {
      // Only letters get this far (see UNIX_FIELD): a name cron does not know, or a name in a numbers-only field.
      return FIELD_VALUES[field];
    }
    return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  private static CronDefinition unixMatchingBothDays() {
    // A copy of cron-utils' CronType.UNIX definition (9.2.1) plus the day rule; CronScheduleTest covers both parsers.
    return CronDefinitionBuilder.defineCron()
        .withMinutes().withValidRange(0, 59).withStrictRange().and()
        .withHours().withValidRange(0, 23).withStrictRange().and()
        .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
        .withMonth().withValidRange(1, 12).withStrictRange().and()
        .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).withStrictRange().and()
        .matchDayOfWeekAndDayOfMonth()
        .instance();
  }
}
