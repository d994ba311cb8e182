package io.quorate.bench.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertEquals(5.0, Stats.median(List.of(9.0, 1.0, 5.0)));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(4.0, Stats.median(List.of(1.0, 3.0, 5.0, 100.0)));
  }

  @Test
  void missingFiguresAreLeftOutAndNoneGivesNaN() {
    assertEquals(2.0, Stats.median(List.of(Double.NaN, 2.0)));
    assertEquals(Double.NaN, Stats.median(List.of(Double.NaN)));
    assertEquals(Double.NaN, Stats.ratio(1, 0));
  }

  @Test
  void tablesShowMissingFiguresAsADashAndRatiosWithAnX() {
    assertEquals("-", Stats.format(Double.NaN, 0));
    assertEquals("5,000", Stats.format(4_999.6, 0));
    assertEquals("1.25x", Stats.times(1.25));
  }
}
