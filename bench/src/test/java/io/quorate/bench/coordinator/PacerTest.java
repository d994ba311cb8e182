package io.quorate.bench.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacerTest {
  private static final long MS = 1_000_000;

  @ParameterizedTest(name = "{0}/s after {1} ms: {2} due")
  @CsvSource({
      "10000, 5, 50",
      "10000, 0, 0",
      "1000, 1, 1",
      "1000, 0.5, 0",
      "333.33, 3000, 999",
      "0, 1000, 0",
  })
  void dueEventsAreTheRateTimesTheTimeSinceItWasSet(double rate, double afterMs, long due) {
    Pacer pacer = new Pacer(rate, 0);
    assertEquals(due, pacer.take((long) (afterMs * MS)));
  }

  @Test
  void aLateTickCatchesUpAndTheLongRunRateIsExact() {
    Pacer pacer = new Pacer(10_000, 0);
    long total = pacer.take(5 * MS) + pacer.take(10 * MS) + pacer.take(45 * MS) + pacer.take(1_000 * MS);
    assertEquals(10_000, total);
    assertEquals(0, pacer.take(1_000 * MS));
  }

  @Test
  void aNewRateOwesNothingFromTheOldOne() {
    Pacer pacer = new Pacer(30_000, 0);
    pacer.set(1_000, 500 * MS);
    assertEquals(0, pacer.take(500 * MS));
    assertEquals(100, pacer.take(600 * MS));
  }

  @Test
  void aNegativeOrInfiniteRateIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Pacer(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Pacer(Double.POSITIVE_INFINITY, 0));
  }
}
