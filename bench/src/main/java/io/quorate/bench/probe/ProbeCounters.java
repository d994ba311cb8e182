package io.quorate.bench.probe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The probe's counters read straight from its registry at the edges of the measurement window. A /metrics
 * scrape there would render the whole registry on the probe's event loop, the very loop being measured,
 * and could itself cause the lateness it is meant to observe; a counter read is a few volatile loads.
 */
record ProbeCounters(double up, double down, double skipped, double dropped) {

  static ProbeCounters read(MeterRegistry registry) {
    return new ProbeCounters(count(registry, "quorate.probe.checks", "outcome", "up"),
        count(registry, "quorate.probe.checks", "outcome", "down"),
        count(registry, "quorate.probe.checks.skipped", null, null),
        count(registry, "quorate.probe.outbox.dropped", "kind", "observation"));
  }

  private static double count(MeterRegistry registry, String name, String tag, String value) {
    var search = registry.find(name);
    Counter counter = (tag == null ? search : search.tag(tag, value)).counter();
    return counter == null ? Double.NaN : counter.count();
  }
}
