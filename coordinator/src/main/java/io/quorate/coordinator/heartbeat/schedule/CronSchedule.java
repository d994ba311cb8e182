package io.quorate.coordinator.heartbeat.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A ping expected at each firing of a standard 5-field Unix cron expression in a time zone (default UTC).
 * Accepted: numbers, ranges, steps, lists, names (MON, JAN) and the crontab(5) nicknames except {@code @reboot}.
 * Refused: seconds or year fields (Quartz, Spring), cron-utils' {@code |} alternatives, {@code ? L W #}, and
 * expressions that never fire such as {@code 0 0 30 2 *}.
 *
 * <p>Daylight saving follows Vixie cron / cronie, as a worker's crontab on that zone would run:
 * <ul>
 *   <li>Clocks forward (Europe/Berlin 2026-03-29 02:00 to 03:00): {@code 30 2 * * *} is expected at 03:00 local
 *       (01:00Z) that day, once; {@code 0 3 * * *} also at 03:00, once; {@code 0 * * * *} has no 02:00 that day.
 *   <li>Clocks back (Europe/Berlin 2026-10-25 03:00 to 02:00): {@code 30 2 * * *} is expected once, at the first
 *       02:30 (00:30Z); {@code 0 * * * *} and {@code *}{@code /15 * * * *} fire in both passes of the 02:00 hour.
 * </ul>
 * Details in {@link ZonedFirings}. Equality is by normalized expression and zone.
 */
public final class CronSchedule implements Schedule {
  private final String expression;
  private final ZoneId zone;
  private final CronCalendar calendar;

  private CronSchedule(String expression, ZoneId zone, CronCalendar calendar) {
    this.expression = expression;
    this.zone = zone;
    this.calendar = calendar;
  }

  /**
   * @param expression 5 fields or a nickname; runs of whitespace count as one space
   * @param timeZone an IANA zone id such as {@code Europe/Berlin}; null or blank means UTC
   * @throws ScheduleException with field {@code cron} or {@code timezone}, quoting the input
   */
  public static CronSchedule parse(String expression, String timeZone) {
    String text = expression == null ? "" : expression.trim().replaceAll("\\s+", " ");
    CronCalendar calendar = CronCalendar.compile(text);
    return new CronSchedule(text, zone(timeZone), calendar);
  }

  private static ZoneId zone(String timeZone) {
    String id = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim();
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new ScheduleException("timezone", "unknown time zone \"" + timeZone + "\"", e);
    }
  }

  /** The expression as given, whitespace collapsed; nicknames stay nicknames. Parses back to an equal schedule. */
  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public Instant nextExpectedAfter(Instant t) {
    return ZonedFirings.next(calendar, zone.getRules(), t);
  }

  @Override
  public Optional<Instant> previousExpectedAtOrBefore(Instant t) {
    return ZonedFirings.previous(calendar, zone.getRules(), t);
  }

  @Override
  public String describe() {
    return "cron " + expression + " (" + zone.getId() + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronSchedule that && expression.equals(that.expression) && zone.equals(that.zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expression, zone);
  }

  @Override
  public String toString() {
    return "CronSchedule[expression=" + expression + ", zone=" + zone.getId() + "]";
  }
}
