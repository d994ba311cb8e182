package io.quorate.coordinator.heartbeat.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clock changes, pinned instant by instant so a change of behavior (ours or cron-utils') fails here. Expected
 * behavior is Vixie cron's / cronie's: a fixed-time job due in a skipped interval runs when the clock jumps, and runs
 * once in a repeated interval; a job with '*' in minute or hour runs at every wall-clock time that exists.
 * Europe/Berlin: 2026-03-29 01:00Z (02:00 CET to 03:00 CEST) and 2026-10-25 01:00Z (03:00 CEST to 02:00 CET).
 * America/New_York: 2026-03-08 07:00Z (02:00 EST to 03:00 EDT) and 2026-11-01 06:00Z (02:00 EDT to 01:00 EST).
 */
class CronScheduleDstTest {

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', value = {
      // Spring forward, Berlin: 02:30 does not exist, so it is expected when the clock jumps to 03:00 (01:00Z).
      "30 2 * * *   | Europe/Berlin    | 2026-03-28T00:00:00Z | 2026-03-31T00:00:00Z"
          + " | 2026-03-28T01:30:00Z 2026-03-29T01:00:00Z 2026-03-30T00:30:00Z",
      "0 3 * * *    | Europe/Berlin    | 2026-03-28T00:00:00Z | 2026-03-31T00:00:00Z"
          + " | 2026-03-28T02:00:00Z 2026-03-29T01:00:00Z 2026-03-30T01:00:00Z",
      // Two skipped fixed times are one expected ping at the jump.
      "0,30 2 * * * | Europe/Berlin    | 2026-03-28T00:00:00Z | 2026-03-31T00:00:00Z"
          + " | 2026-03-28T01:00:00Z 2026-03-28T01:30:00Z 2026-03-29T01:00:00Z 2026-03-30T00:00:00Z"
          + " 2026-03-30T00:30:00Z",
      // Wildcard jobs lose the skipped hour: no 02:00 local, and '*/30 2' has nothing that day.
      "0 * * * *    | Europe/Berlin    | 2026-03-28T22:30:00Z | 2026-03-29T02:30:00Z"
          + " | 2026-03-28T23:00:00Z 2026-03-29T00:00:00Z 2026-03-29T01:00:00Z 2026-03-29T02:00:00Z",
      "*/30 2 * * * | Europe/Berlin    | 2026-03-28T00:00:00Z | 2026-03-31T00:00:00Z"
          + " | 2026-03-28T01:00:00Z 2026-03-28T01:30:00Z 2026-03-30T00:00:00Z 2026-03-30T00:30:00Z",
      // Fall back, Berlin: fixed-time jobs fire at the first 02:30 only; wildcard jobs in both passes.
      "30 2 * * *   | Europe/Berlin    | 2026-10-24T00:00:00Z | 2026-10-27T00:00:00Z"
          + " | 2026-10-24T00:30:00Z 2026-10-25T00:30:00Z 2026-10-26T01:30:00Z",
      "0 2 * * *    | Europe/Berlin    | 2026-10-24T12:00:00Z | 2026-10-26T12:00:00Z"
          + " | 2026-10-25T00:00:00Z 2026-10-26T01:00:00Z",
      "0 * * * *    | Europe/Berlin    | 2026-10-24T22:30:00Z | 2026-10-25T03:30:00Z"
          + " | 2026-10-24T23:00:00Z 2026-10-25T00:00:00Z 2026-10-25T01:00:00Z 2026-10-25T02:00:00Z"
          + " 2026-10-25T03:00:00Z",
      "*/30 2 * * * | Europe/Berlin    | 2026-10-24T12:00:00Z | 2026-10-25T12:00:00Z"
          + " | 2026-10-25T00:00:00Z 2026-10-25T00:30:00Z 2026-10-25T01:00:00Z 2026-10-25T01:30:00Z",
      // New York: the same rules; 09:00 on weekdays stays 09:00 local (14:00Z in EST, 13:00Z in EDT).
      "30 2 * * *   | America/New_York | 2026-03-07T00:00:00Z | 2026-03-10T00:00:00Z"
          + " | 2026-03-07T07:30:00Z 2026-03-08T07:00:00Z 2026-03-09T06:30:00Z",
      "0 9 * * 1-5  | America/New_York | 2026-03-05T00:00:00Z | 2026-03-11T00:00:00Z"
          + " | 2026-03-05T14:00:00Z 2026-03-06T14:00:00Z 2026-03-09T13:00:00Z 2026-03-10T13:00:00Z",
      "30 1 * * *   | America/New_York | 2026-10-31T00:00:00Z | 2026-11-03T00:00:00Z"
          + " | 2026-10-31T05:30:00Z 2026-11-01T05:30:00Z 2026-11-02T06:30:00Z",
      "0 9 * * 1-5  | America/New_York | 2026-10-29T00:00:00Z | 2026-11-04T00:00:00Z"
          + " | 2026-10-29T13:00:00Z 2026-10-30T13:00:00Z 2026-11-02T14:00:00Z 2026-11-03T14:00:00Z",
      "0 * * * *    | America/New_York | 2026-11-01T03:30:00Z | 2026-11-01T07:30:00Z"
          + " | 2026-11-01T04:00:00Z 2026-11-01T05:00:00Z 2026-11-01T06:00:00Z 2026-11-01T07:00:00Z",
      // Lord Howe moves by 30 minutes: 02:00 to 02:30 on 2026-10-04 (15:30Z the day before), 02:00 back to 01:30
      // on 2026-04-05 (15:00Z the day before); 01:45 comes twice that night and is expected at the first only.
      "15 2 * * *   | Australia/Lord_Howe | 2026-10-03T12:00:00Z | 2026-10-05T12:00:00Z"
          + " | 2026-10-03T15:30:00Z 2026-10-04T15:15:00Z",
      "45 1 * * *   | Australia/Lord_Howe | 2026-04-04T12:00:00Z | 2026-04-05T12:00:00Z"
          + " | 2026-04-04T14:45:00Z",
  })
  void expectsPingsAsCronDaemonsRunJobsAcrossClockChanges(String expression, String zone, Instant from, Instant to,
      String expected) {
    CronSchedule schedule = CronSchedule.parse(expression, zone);
    List<Instant> wanted = Stream.of(expected.split(" ")).map(Instant::parse).toList();
    assertEquals(wanted, firings(schedule, from, to));
    assertEquals(wanted, firingsBackwards(schedule, to, from));
  }

  @ParameterizedTest(name = "{0} in {1}: {2} times")
  @CsvSource(delimiter = '|', value = {
      "30 2 * * *   | Europe/Berlin    | 365",  // once a day, every day, both change days included
      "0,30 2 * * * | Europe/Berlin    | 729",  // 363 x 2, + 1 at the spring jump, + 2 in the first autumn pass
      "*/30 2 * * * | Europe/Berlin    | 730",  // 363 x 2, + 0 in spring, + 4 in autumn
      "0 * * * *    | Europe/Berlin    | 8760", // every real hour of 2026, no more, no less
      "0 9 * * 1-5  | America/New_York | 261",
  })
  void countsTheExpectedPingsOfAYear(String expression, String zone, int count) {
    Instant newYear = Instant.parse("2026-01-01T00:00:00Z");
    List<Instant> year = firings(CronSchedule.parse(expression, zone), newYear.minusNanos(1), newYear.plus(365,
        ChronoUnit.DAYS));
    assertEquals(count, year.size());
  }

  static Stream<Arguments> schedules() {
    return Stream.of(
        Arguments.of("30 2 * * *", "Europe/Berlin"), Arguments.of("0,30 2 * * *", "Europe/Berlin"),
        Arguments.of("*/15 * * * *", "Europe/Berlin"), Arguments.of("*/30 2 * * *", "Europe/Berlin"),
        Arguments.of("0 * * * *", "America/New_York"), Arguments.of("30 1 * * *", "America/New_York"),
        Arguments.of("0 9 * * 1-5", "America/New_York"), Arguments.of("0 0 */2 * 1", "UTC"),
        Arguments.of("15 2 * * *", "Australia/Lord_Howe"), Arguments.of("45 1 * * *", "Australia/Lord_Howe"),
        Arguments.of("@monthly", "Australia/Lord_Howe"), Arguments.of("0 0 29 2 *", "Europe/London"));
  }

  /** Next and previous describe one set of instants: random times over 2026, plus every 7 min near each change. */
  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("schedules")
  void nextAndPreviousAgreeEverywhere(String expression, String zone) {
    CronSchedule schedule = CronSchedule.parse(expression, zone);
    for (Instant t : probes(schedule)) {
      Instant next = schedule.nextExpectedAfter(t);
      Optional<Instant> previous = schedule.previousExpectedAtOrBefore(t);
      assertTrue(next.isAfter(t), () -> "next " + next + " after " + t);
      assertEquals(Optional.of(next), schedule.previousExpectedAtOrBefore(next), () -> "prev(next) at " + t);
      assertEquals(previous, schedule.previousExpectedAtOrBefore(next.minusNanos(1)), () -> "nothing between, " + t);
      previous.ifPresent(p -> {
        assertTrue(!p.isAfter(t), () -> "prev " + p + " at or before " + t);
        assertEquals(p, schedule.nextExpectedAfter(p.minusMillis(1)), () -> "next(prev - 1ms) at " + t);
        assertEquals(next, schedule.nextExpectedAfter(p), () -> "next(prev) at " + t);
      });
    }
  }

  private static List<Instant> probes(CronSchedule schedule) {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Instant end = Instant.parse("2027-01-01T00:00:00Z");
    Random random = new Random(20260329L);
    List<Instant> probes = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      probes.add(start.plusMillis((long) (random.nextDouble() * (end.toEpochMilli() - start.toEpochMilli()))));
    }
    for (var change = schedule.zone().getRules().nextTransition(start); change != null && change.getInstant()
        .isBefore(end); change = schedule.zone().getRules().nextTransition(change.getInstant())) {
      for (long minutes = -240; minutes <= 240; minutes += 7) {
        probes.add(change.getInstant().plus(minutes, ChronoUnit.MINUTES));
      }
      probes.add(change.getInstant());
      probes.add(change.getInstant().minusNanos(1));
    }
    return probes;
  }

  private static List<Instant> firings(CronSchedule schedule, Instant from, Instant to) {
    List<Instant> out = new ArrayList<>();
    for (Instant t = schedule.nextExpectedAfter(from); t.isBefore(to); t = schedule.nextExpectedAfter(t)) {
      out.add(t);
    }
    return out;
  }

  /** The same firings found walking back from {@code to}, returned oldest first. */
  private static List<Instant> firingsBackwards(CronSchedule schedule, Instant to, Instant from) {
    List<Instant> out = new ArrayList<>();
    Optional<Instant> t = schedule.previousExpectedAtOrBefore(to.minusNanos(1));
    while (t.isPresent() && t.get().isAfter(from)) {
      out.add(0, t.get());
      t = schedule.previousExpectedAtOrBefore(t.get().minusNanos(1));
    }
    return out;
  }
}
