package io.quorate.coordinator.heartbeat.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EveryScheduleTest {
  private static final Instant LAST_PING = Instant.parse("2026-03-29T00:59:30.250Z");

  @Test
  void expectsTheNextPingOnePeriodAfterTheLastEvenAcrossAClockChange() {
    // A period is measured in elapsed time; the Berlin clock change at 01:00Z does not stretch or shrink it.
    EverySchedule schedule = new EverySchedule(Duration.ofMinutes(5));
    assertEquals(Instant.parse("2026-03-29T01:04:30.250Z"), schedule.nextExpectedAfter(LAST_PING));
  }

  @Test
  void treatsTheAnchorItselfAsTheLatestExpectedTime() {
    EverySchedule schedule = new EverySchedule(Duration.ofHours(1));
    assertEquals(Optional.of(LAST_PING), schedule.previousExpectedAtOrBefore(LAST_PING));
  }

  @ParameterizedTest
  @CsvSource({"PT5M,every 5m", "PT1H30M,every 1h30m", "P1D,every 1d", "PT30S,every 30s", "PT1.5S,every 1s500ms",
      "PT26H1S,every 1d2h1s", "PT0.000001S,every 1000ns"})
  void describesThePeriodInWords(Duration period, String words) {
    assertEquals(words, new EverySchedule(period).describe());
  }

  static Stream<Arguments> invalidPeriods() {
    return Stream.of(
        Arguments.of(Duration.ZERO, "period: must be greater than zero, got PT0S"),
        Arguments.of(Duration.ofMinutes(-5), "period: must be greater than zero, got PT-5M"),
        Arguments.of(null, "period: must be greater than zero, got null"));
  }

  @ParameterizedTest
  @MethodSource("invalidPeriods")
  void refusesAPeriodThatIsNotPositive(Duration period, String message) {
    ScheduleException error = assertThrows(ScheduleException.class, () -> new EverySchedule(period));
    assertEquals("period", error.field());
    assertEquals(message, error.getMessage());
  }

  @Test
  void equalPeriodsAreEqualSchedules() {
    assertEquals(new EverySchedule(Duration.ofMinutes(5)), new EverySchedule(Duration.ofSeconds(300)));
  }
}
