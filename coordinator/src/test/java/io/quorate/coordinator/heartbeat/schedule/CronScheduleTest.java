package io.quorate.coordinator.heartbeat.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, errors and plain firings. Clock changes are in {@link CronScheduleDstTest}. */
class CronScheduleTest {
  private static final String FIELDS = "5 fields (minute hour day-of-month month day-of-week)";
  private static final String NICKNAMES = "use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, "
      + "@hourly, or " + FIELDS;
  private static final String UNIX_CHARS = "; use numbers, names such as MON or JAN, and * , - /";

  // 2026-01-01 is a Thursday, 2026-03-01 a Sunday.
  @ParameterizedTest(name = "{0} in {1} after {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
      "*/15 9-17 * * MON-FRI | UTC           | 2026-01-02T17:45:00Z | 2026-01-05T09:00:00Z",
      "0 12 1,15 JAN,jul *   | UTC           | 2026-01-15T12:00:00Z | 2026-07-01T12:00:00Z",
      "5-20/5 3 * * *        | UTC           | 2026-01-01T03:20:00Z | 2026-01-02T03:05:00Z",
      "0 3 * * 7             | UTC           | 2026-01-01T00:00:00Z | 2026-01-04T03:00:00Z",
      "0 3 * * sun           | UTC           | 2026-01-01T00:00:00Z | 2026-01-04T03:00:00Z",
      "0 3 * * 0             | UTC           | 2026-01-01T00:00:00Z | 2026-01-04T03:00:00Z",
      // Both day fields restricted: either may match (the 13th, or any Friday), as in Vixie cron.
      "0 0 13 * 5            | UTC           | 2026-01-09T00:00:00Z | 2026-01-13T00:00:00Z",
      // A day field starting with '*' makes both required (Vixie's DOM_STAR): Monday the 12th is even, skipped.
      "0 0 */2 * 1           | UTC           | 2026-01-05T00:00:00Z | 2026-01-19T00:00:00Z",
      "0 9 * JAN MON         | UTC           | 2026-01-26T09:00:00Z | 2027-01-04T09:00:00Z",
      "0 0 29 2 *            | UTC           | 2024-02-29T00:00:00Z | 2028-02-29T00:00:00Z",
      "0 3 * * *             | Asia/Kolkata  | 2026-01-01T00:00:00Z | 2026-01-01T21:30:00Z",
      "@yearly               | UTC           | 2026-03-01T12:00:00Z | 2027-01-01T00:00:00Z",
      "@annually             | UTC           | 2026-03-01T12:00:00Z | 2027-01-01T00:00:00Z",
      "@monthly              | UTC           | 2026-03-01T12:00:00Z | 2026-04-01T00:00:00Z",
      "@weekly               | UTC           | 2026-03-01T12:00:00Z | 2026-03-08T00:00:00Z",
      "@daily                | UTC           | 2026-03-01T12:00:00Z | 2026-03-02T00:00:00Z",
      "@midnight             | UTC           | 2026-03-01T12:00:00Z | 2026-03-02T00:00:00Z",
      "@hourly               | UTC           | 2026-03-01T12:00:00Z | 2026-03-01T13:00:00Z",
      "@DAILY                | Europe/Berlin | 2026-03-01T12:00:00Z | 2026-03-01T23:00:00Z",
  })
  void firesAtTheNextMatchingLocalTime(String expression, String zone, Instant after, Instant next) {
    CronSchedule schedule = CronSchedule.parse(expression, zone);
    assertEquals(next, schedule.nextExpectedAfter(after));
    assertEquals(next, schedule.previousExpectedAtOrBefore(next).orElseThrow());
  }

  @Test
  void expectsNothingAtTheMatchItselfButAtTheFollowingOne() {
    CronSchedule schedule = CronSchedule.parse("0 3 * * *", "UTC");
    Instant match = Instant.parse("2026-05-01T03:00:00Z");
    assertEquals(match.plusSeconds(86_400), schedule.nextExpectedAfter(match));
    assertEquals(match, schedule.nextExpectedAfter(match.minusMillis(1)));
    assertEquals(match, schedule.previousExpectedAtOrBefore(match).orElseThrow());
    assertEquals(match.minusSeconds(86_400), schedule.previousExpectedAtOrBefore(match.minusNanos(1)).orElseThrow());
  }

  static Stream<Arguments> invalidExpressions() {
    return Stream.of(
        Arguments.of("0 0 3 * * *", "expected " + FIELDS + ", got 6 in \"0 0 3 * * *\""),
        Arguments.of("0 0 3 * * * 2026", "expected " + FIELDS + ", got 7 in \"0 0 3 * * * 2026\""),
        Arguments.of("0 3 * *", "expected " + FIELDS + ", got 4 in \"0 3 * *\""),
        Arguments.of("", "is empty; expected " + FIELDS + ", such as \"0 3 * * *\""),
        Arguments.of("   ", "is empty; expected " + FIELDS + ", such as \"0 3 * * *\""),
        Arguments.of(null, "is empty; expected " + FIELDS + ", such as \"0 3 * * *\""),
        Arguments.of("@reboot", "\"@reboot\" has no times at which to expect a ping; " + NICKNAMES),
        Arguments.of("@fortnightly", "unknown nickname \"@fortnightly\"; " + NICKNAMES),
        Arguments.of("0 3|4 * * *", "unsupported character '|' in hour \"3|4\" of \"0 3|4 * * *\"" + UNIX_CHARS),
        Arguments.of("0 3 ? * *", "unsupported character '?' in day-of-month \"?\" of \"0 3 ? * *\"" + UNIX_CHARS),
        Arguments.of("0 3 * * 1#2", "unsupported character '#' in day-of-week \"1#2\" of \"0 3 * * 1#2\"" + UNIX_CHARS),
        Arguments.of("60 3 * * *", "invalid minute \"60\" (value 60 not in range [0, 59]) in \"60 3 * * *\""),
        Arguments.of("0 24 * * *", "invalid hour \"24\" (value 24 not in range [0, 23]) in \"0 24 * * *\""),
        Arguments.of("0 3 0 * *", "invalid day-of-month \"0\" (value 0 not in range [1, 31]) in \"0 3 0 * *\""),
        Arguments.of("0 3 * 13 *", "invalid month \"13\" (value 13 not in range [1, 12]) in \"0 3 * 13 *\""),
        Arguments.of("0 3 * * 8", "invalid day-of-week \"8\" (value 8 not in range [0, 7]) in \"0 3 * * 8\""),
        Arguments.of("0 FOO * * *", "invalid hour \"FOO\" (use 0-23) in \"0 FOO * * *\""),
        Arguments.of("0 3 L * *", "invalid day-of-month \"L\" (use 1-31) in \"0 3 L * *\""),
        Arguments.of("0 3 * FOO *", "invalid month \"FOO\" (use 1-12 or JAN-DEC) in \"0 3 * FOO *\""),
        // Neither day field starts with '*', so these go through the either-day parser, the rest the both-days one.
        Arguments.of("0 3 32 * 1", "invalid day-of-month \"32\" (value 32 not in range [1, 31]) in \"0 3 32 * 1\""),
        Arguments.of("0 3 1 * FRY", "invalid day-of-week \"FRY\" (use 0-7 or SUN-SAT) in \"0 3 1 * FRY\""),
        Arguments.of("0 3 * * MONDAY", "invalid day-of-week \"MONDAY\" (use 0-7 or SUN-SAT) in \"0 3 * * MONDAY\""),
        Arguments.of("5-1 * * * *", "invalid minute \"5-1\" (invalid range! [5,1]) in \"5-1 * * * *\""),
        Arguments.of("0 3 */0 * *", "invalid day-of-month \"*/0\" (period 0 not in range [1, 31]) in \"0 3 */0 * *\""),
        Arguments.of("0 0 30 2 *", "never fires: no date matches \"0 0 30 2 *\""),
        Arguments.of("0 0 31 4,6 *", "never fires: no date matches \"0 0 31 4,6 *\""));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("invalidExpressions")
  void refusesWhatUnixCronWouldNotRunNamingTheProblem(String expression, String problem) {
    ScheduleException error = assertThrows(ScheduleException.class, () -> CronSchedule.parse(expression, "UTC"));
    assertEquals("cron", error.field());
    assertEquals("cron: " + problem, error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Berlinn", "CEST", "??", "Mars/Olympus_Mons"})
  void refusesAnUnknownTimeZoneQuotingIt(String zone) {
    ScheduleException error = assertThrows(ScheduleException.class, () -> CronSchedule.parse("0 3 * * *", zone));
    assertEquals("timezone", error.field());
    assertEquals("timezone: unknown time zone \"" + zone + "\"", error.getMessage());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void defaultsToUtcWithoutATimeZone(String zone) {
    assertEquals(ZoneId.of("UTC"), CronSchedule.parse("0 3 * * *", zone).zone());
  }

  @Test
  void keepsTheExpressionAsWrittenWithWhitespaceCollapsed() {
    CronSchedule schedule = CronSchedule.parse("  0   3 * *\tmon-fri ", " Europe/Berlin ");
    assertEquals("0 3 * * mon-fri", schedule.expression());
    assertEquals(ZoneId.of("Europe/Berlin"), schedule.zone());
    assertEquals("cron 0 3 * * mon-fri (Europe/Berlin)", schedule.describe());
    assertEquals("CronSchedule[expression=0 3 * * mon-fri, zone=Europe/Berlin]", schedule.toString());
    assertEquals("cron @daily (UTC)", CronSchedule.parse("@daily", null).describe());
  }

  @Test
  void equalsByExpressionAndZoneSoStoredSchedulesParseBackEqual() {
    CronSchedule schedule = CronSchedule.parse("0 3 * * *", "Europe/Berlin");
    CronSchedule reparsed = CronSchedule.parse(schedule.expression(), schedule.zone().getId());
    assertEquals(schedule, reparsed);
    assertEquals(schedule.hashCode(), reparsed.hashCode());
    assertEquals(schedule, CronSchedule.parse("0  3 * * *", "Europe/Berlin"));
    assertNotEquals(schedule, CronSchedule.parse("0 3 * * *", "UTC"));
    assertNotEquals(schedule, CronSchedule.parse("0 4 * * *", "Europe/Berlin"));
  }
}
