package io.quorate.probe.check;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import java.time.Duration;

/** The check series in /metrics. */
final class CheckMetrics {
  final Counter up;
  final Counter down;
  final Counter skipped;
  final Timer latency;
  final Timer lateness;

  CheckMetrics(MeterRegistry registry, CheckScheduler scheduler) {
    up = Counter.builder("quorate.probe.checks").tag("outcome", "up").description("Check runs by outcome")
        .register(registry);
    down = Counter.builder("quorate.probe.checks").tag("outcome", "down").description("Check runs by outcome")
        .register(registry);
    skipped = Counter.builder("quorate.probe.checks.skipped")
        .description("Runs skipped because the previous run of the monitor was still going").register(registry);
    latency = Timer.builder("quorate.probe.check.latency").description("Time from request to end of body")
        .register(registry);
    // Percentiles computed in the probe (over a sliding window of about 2 minutes): the benchmark and people
    // read p50 and p99 straight from /metrics, without a Prometheus server to aggregate histograms.
    lateness = Timer.builder("quorate.probe.check.start.lateness")
        .description("How long after its time slot a check started").publishPercentiles(0.5, 0.99)
        .register(registry);
    Gauge.builder("quorate.probe.checks.in.flight", scheduler, CheckScheduler::inFlight)
        .description("Check runs in flight").register(registry);
    Gauge.builder("quorate.probe.checks.assigned", scheduler, CheckScheduler::size)
        .description("Checks assigned to this probe").register(registry);
  }

  void record(Observation observation) {
    (observation.getOutcome() == Outcome.OUTCOME_UP ? up : down).increment();
    latency.record(Duration.ofMillis(observation.getLatencyMs()));
  }
}
