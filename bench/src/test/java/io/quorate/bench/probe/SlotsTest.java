package io.quorate.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotsTest {

  @ParameterizedTest(name = "start {0} with offset {1} every {2} ms is {3} ms late")
  @CsvSource({
      "10000, 0, 1000, 0",
      "10007, 0, 1000, 7",
      "10999, 0, 1000, 999",
      "10250, 250, 1000, 0",
      "10249, 250, 1000, 999",
      "61500, 1500, 60000, 0",
      "-5, 0, 1000, 995",
  })
  void latenessIsTheStartMinusTheLatestSlotAtOrBeforeIt(long start, long offset, long interval, long late) {
    assertEquals(start - late, Slots.slotAtOrBefore(start, offset, interval));
  }

  @ParameterizedTest(name = "a run recovered as starting at {0} is {1} ms late")
  @CsvSource({
      "1000000, 0",
      "1000001, 1",
      "999999, 0",
      "999998, 0",
      "999997, 997",
  })
  void aStartUpToTwoMillisecondsBeforeItsSlotCountsAsOnTime(long start, long late) {
    String monitor = "any";
    long offset = Slots.offset(monitor, 1_000);
    assertEquals(late, Slots.lateness(start + offset, monitor, 1_000));
  }

  @ParameterizedTest(name = "after {0} (offset {1}, every {2} ms) comes {3}")
  @CsvSource({
      "10000, 0, 1000, 11000",
      "10001, 0, 1000, 11000",
      "10249, 250, 1000, 10250",
      "10250, 250, 1000, 11250",
  })
  void theNextSlotIsStrictlyAfterTheGivenTimeAsInTheProbe(long now, long offset, long interval, long next) {
    assertEquals(next, Slots.slotAfter(now, offset, interval));
  }
}
