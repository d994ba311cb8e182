package io.quorate.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTextTest {
  private static final MetricsText METRICS = MetricsText.parse("""
      # HELP quorate_probe_check_start_lateness_seconds How long after its time slot a check started
      # TYPE quorate_probe_check_start_lateness_seconds summary
      quorate_probe_check_start_lateness_seconds{quantile="0.5"} 0.002
      quorate_probe_check_start_lateness_seconds{quantile="0.99"} 0.031
      quorate_probe_check_start_lateness_seconds_count 12345
      quorate_probe_check_start_lateness_seconds_max 0.2
      quorate_probe_checks_total{outcome="down"} 3.0
      quorate_probe_checks_total{outcome="up"} 4997.0
      """);

  @Test
  void readsASampleByNameAndLabels() {
    assertEquals(0.031, METRICS.value("quorate_probe_check_start_lateness_seconds", "quantile=\"0.99\""));
    assertEquals(4997.0, METRICS.value("quorate_probe_checks_total", "outcome=\"up\""));
  }

  @Test
  void aLongerNameWithTheSamePrefixIsADifferentSeries() {
    assertEquals(0.2, METRICS.value("quorate_probe_check_start_lateness_seconds_max"));
  }

  @Test
  void anAbsentSeriesIsNaN() {
    assertEquals(Double.NaN, METRICS.value("quorate_probe_outbox_events"));
  }
}
