package io.quorate.coordinator.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.coordinator.heartbeat.schedule.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When windows are on, pinned instant by instant. "Sundays 02:00 Europe/Berlin for 2h" across both clock changes
 * of 2026: 2026-03-29 02:00 CET does not exist (the clocks jump to 03:00 CEST at 01:00Z), so that Sunday's window
 * starts at the jump; on 2026-10-25 02:00 happens twice (00:00Z and 01:00Z) and the window starts at the first.
 * Each occurrence lasts two hours of real time.
 */
class WindowScheduleTest {
  private static final WindowSchedule SUNDAY_NIGHTS =
      new WindowSchedule.Recurring(CronSchedule.parse("0 2 * * 0", "Europe/Berlin"), Duration.ofHours(2));

  @ParameterizedTest(name = "at {0}: on until {1}")
  @CsvSource(delimiter = '|', value = {
      "2026-03-22T00:59:59Z | -",
      "2026-03-22T01:00:00Z | 2026-03-22T03:00:00Z", // 02:00 CET; the start is inside
      "2026-03-22T02:59:59Z | 2026-03-22T03:00:00Z",
      "2026-03-22T03:00:00Z | -",                    // the end is outside
      "2026-03-29T00:30:00Z | -",                    // 01:30 CET, before the jump
      "2026-03-29T01:00:00Z | 2026-03-29T03:00:00Z", // the jump to 03:00 CEST: 02:00 never happened, start now
      "2026-03-29T02:59:00Z | 2026-03-29T03:00:00Z",
      "2026-04-05T00:00:00Z | 2026-04-05T02:00:00Z", // 02:00 CEST
      "2026-04-05T01:59:00Z | 2026-04-05T02:00:00Z",
      "2026-04-05T02:00:00Z | -",
      "2026-10-25T00:00:00Z | 2026-10-25T02:00:00Z", // the first 02:00 (CEST)
      "2026-10-25T01:30:00Z | 2026-10-25T02:00:00Z", // the second 02:30 (CET): still the first occurrence
      "2026-10-25T02:00:00Z | -",
      "2026-11-01T01:00:00Z | 2026-11-01T03:00:00Z", // 02:00 CET
      "2026-11-03T01:00:00Z | -",                    // a Tuesday
  })
  void aRecurringWindowIsOnFromEachStartForItsDuration(Instant now, String until) {
    assertEquals(until.equals("-") ? Optional.empty() : Optional.of(Instant.parse(until)), SUNDAY_NIGHTS.activeUntil(now));
  }

  @ParameterizedTest(name = "after {0}")
  @CsvSource(delimiter = '|', value = {
      "2026-03-20T00:00:00Z | 2026-03-22T01:00:00Z 2026-03-29T01:00:00Z 2026-04-05T00:00:00Z",
      "2026-03-22T01:00:00Z | 2026-03-29T01:00:00Z 2026-04-05T00:00:00Z 2026-04-12T00:00:00Z",
      "2026-10-20T00:00:00Z | 2026-10-25T00:00:00Z 2026-11-01T01:00:00Z 2026-11-08T01:00:00Z",
  })
  void theNextOccurrencesFollowTheClockChanges(Instant now, String starts) {
    List<WindowSchedule.Occurrence> expected = Arrays.stream(starts.split(" ")).map(Instant::parse)
        .map(start -> new WindowSchedule.Occurrence(start, start.plus(Duration.ofHours(2)))).toList();
    assertEquals(expected, SUNDAY_NIGHTS.upcoming(now, 3));
  }

  @Test
  void overlappingOccurrencesAreOneLongHold() {
    WindowSchedule twiceADay = new WindowSchedule.Recurring(CronSchedule.parse("0 9,13 * * *", "UTC"), Duration.ofHours(5));
    assertEquals(Optional.of(Instant.parse("2026-06-01T18:00:00Z")), twiceADay.activeUntil(Instant.parse("2026-06-01T10:00:00Z")));
    assertEquals(Optional.empty(), twiceADay.activeUntil(Instant.parse("2026-06-01T18:00:00Z")));
  }

  @ParameterizedTest(name = "one-off at {0}: on until {1}")
  @CsvSource(delimiter = '|', value = {
      "2026-12-06T00:59:59Z | -",
      "2026-12-06T01:00:00Z | 2026-12-06T03:00:00Z",
      "2026-12-06T02:59:59Z | 2026-12-06T03:00:00Z",
      "2026-12-06T03:00:00Z | -",
  })
  void aOneOffWindowIsOnBetweenItsStartAndEnd(Instant now, String until) {
    WindowSchedule once = new WindowSchedule.OneOff(Instant.parse("2026-12-06T01:00:00Z"),
        Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);
    assertEquals(until.equals("-") ? Optional.empty() : Optional.of(Instant.parse(until)), once.activeUntil(now));
  }

  @ParameterizedTest(name = "{0} at {2}")
  @CsvSource(delimiter = '|', value = {
      "MAINTENANCE | 2026-03-29T03:00:00Z | 2026-03-29T01:30:00Z | maintenance 'DB upgrade' until 05:00 Europe/Berlin",
      "MAINTENANCE | 2026-03-29T03:00:00Z | 2026-03-28T12:00:00Z | maintenance 'DB upgrade' until 2026-03-29 05:00 Europe/Berlin",
      "SILENCE     | 2026-12-06T14:00:00Z | 2026-12-06T09:00:00Z | silenced by alice until 14:00 UTC",
  })
  void aHoldSaysWhatHoldsTheAlertsAndUntilWhenInItsZone(Hold.Kind kind, Instant until, Instant now, String text) {
    String name = kind == Hold.Kind.MAINTENANCE ? "DB upgrade" : "alice";
    ZoneId zone = kind == Hold.Kind.MAINTENANCE ? ZoneId.of("Europe/Berlin") : ZoneOffset.UTC;
    assertEquals(text, new Hold(kind, UUID.randomUUID(), name, until, zone).text(now));
  }
}
