package io.quorate.bench.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsSumTest {
  private static final String TEXT = """
      # HELP quorate_observations_total
      # TYPE quorate_observations_total counter
      quorate_observations_total{region="ap-south"} 1200.0
      quorate_observations_total{region="eu-west"} 1300.0
      quorate_observations_total_created{region="eu-west"} 1.7E9
      quorate_observations 5.0
      quorate_pings_total{via="probe"} 7.0
      """;

  @Test
  void everyLabelledSampleOfTheSeriesIsAddedAndLongerNamesAreNot() {
    assertEquals(2500.0, MetricsSum.of(TEXT, "quorate_observations_total"));
  }

  @Test
  void aSeriesWithoutLabelsCountsAndAMissingOneIsNaN() {
    assertEquals(5.0, MetricsSum.of(TEXT, "quorate_observations"));
    assertEquals(Double.NaN, MetricsSum.of(TEXT, "quorate_incidents_total"));
  }
}
