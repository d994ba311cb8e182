package io.quorate.bench.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quorate.bench.support.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {

  @Test
  void theP99OfTwoHundredValuesIsThe198thSmallest() {
    List<Double> values = new ArrayList<>();
    for (int i = 200; i >= 1; i--) {
      values.add((double) i);
    }
    assertEquals(198.0, Distribution.percentile(values, 99));
    assertEquals(100.0, Distribution.percentile(values, 50));
    assertEquals(200.0, Distribution.percentile(values, 100));
  }

  @Test
  void aSingleValueIsEveryPercentileAndMissingValuesAreLeftOut() {
    assertEquals(7.5, Distribution.percentile(List.of(7.5, Double.NaN), 1));
    assertEquals(7.5, Distribution.percentile(List.of(7.5), 99));
    assertEquals(Double.NaN, Distribution.percentile(List.of(), 50));
  }

  @Test
  void aPercentileOutsideZeroToHundredIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Distribution.percentile(List.of(1.0), 0));
    assertThrows(IllegalArgumentException.class, () -> Distribution.percentile(List.of(1.0), 101));
  }

  @Test
  void describeAddsCountAndPercentilesUnderThePrefix() {
    Result result = new Result();
    Distribution.describe(List.of(1.0, 2.0, 30.0), "delivered_", result);
    assertEquals("delivered_count=3 delivered_p50_ms=2.0000 delivered_p99_ms=30.0000 delivered_max_ms=30.0000",
        result.line());
  }
}
