package io.quorate.bench.probe;

import io.quorate.bench.support.CpuMeter;
import io.quorate.bench.support.Latencies;
import io.quorate.bench.support.Result;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import java.util.concurrent.atomic.LongAdder;

/**
 * What reached the sink coordinator for one measurement window. A run belongs to the window when it
 * <em>started</em> inside it (start = observed_at_ms − latency_ms, both from the probe's clock, which is
 * this machine's clock), however late its observation arrives: a backlog sent after a slow warm-up must
 * not count as throughput, nor its lateness as the window's. Per group (the healthy "steady" monitors and
 * the hang set): runs, outcomes, start lateness against the monitor's slot grid. Per arrival: how long
 * after the run ended the sink got it (the link and outbox delay). Written from the sink's event loop,
 * started, ended and read from the control endpoint's.
 */
final class SinkWindow {
  private final Group steady = new Group();
  private final Group hangSet = new Group();
  private final LongAdder foreign = new LongAdder();
  private final LongAdder arrivals = new LongAdder();
  private final Latencies deliveryDelay = new Latencies();
  private final QueueStatsTarget.Counters target;
  private volatile long startMs = Long.MAX_VALUE;
  private volatile long endMs = Long.MAX_VALUE;
  private CpuMeter.Sample cpuAtStart = CpuMeter.sample();
  private CpuMeter.Sample cpuAtEnd;
  private long answeredAtStart;
  private long answeredAtEnd;
  private long hangingAtStart;
  private long hangingAtEnd;

  private static final class Group {
    final LongAdder up = new LongAdder();
    final LongAdder down = new LongAdder();
    final Latencies lateness = new Latencies();

    void reset() {
      up.reset();
      down.reset();
      lateness.window();
    }

    void describe(String prefix, double seconds, Result into) {
      long runs = up.sum() + down.sum();
      into.put(prefix + "observations", runs);
      into.put(prefix + "per_s", runs / seconds);
      into.put(prefix + "up", up.sum());
      into.put(prefix + "down", down.sum());
      Latencies.describe(lateness.window(), prefix + "lateness_", into);
    }
  }

  SinkWindow(QueueStatsTarget.Counters target) {
    this.target = target;
  }

  void observe(Observation observation, Load load) {
    long now = System.currentTimeMillis();
    int index = Load.indexOf(observation.getMonitorId());
    if (load == null || index < 0 || index >= load.monitors()) {
      foreign.increment();
      return;
    }
    if (now >= startMs && now < endMs) {
      arrivals.increment();
      deliveryDelay.record(now - observation.getObservedAtMs());
    }
    long startedAt = observation.getObservedAtMs() - observation.getLatencyMs();
    if (startedAt < startMs || startedAt >= endMs) {
      return;
    }
    Group group = load.inHangSet(index) ? hangSet : steady;
    (observation.getOutcome() == Outcome.OUTCOME_UP ? group.up : group.down).increment();
    group.lateness.record(Slots.lateness(startedAt, observation.getMonitorId(), load.intervalMs()));
  }

  /** Starts a window now; everything recorded before is dropped. */
  synchronized void start() {
    endMs = Long.MAX_VALUE;
    steady.reset();
    hangSet.reset();
    foreign.reset();
    arrivals.reset();
    deliveryDelay.window();
    answeredAtStart = target.answered.sum();
    hangingAtStart = target.hanging.sum();
    cpuAtStart = CpuMeter.sample();
    startMs = System.currentTimeMillis();
  }

  /** Ends the window: runs starting from now on no longer count; those started before still may arrive. */
  synchronized void end() {
    endMs = System.currentTimeMillis();
    cpuAtEnd = CpuMeter.sample();
    answeredAtEnd = target.answered.sum();
    hangingAtEnd = target.hanging.sum();
  }

  /** The window's figures (ending it first if needed); the fixtures JVM's CPU covers target and sink together. */
  synchronized Result report() {
    if (endMs == Long.MAX_VALUE) {
      end();
    }
    Result result = new Result();
    CpuMeter.describe(cpuAtStart, cpuAtEnd, result);
    double seconds = (endMs - startMs) / 1000.0;
    steady.describe("steady_", seconds, result);
    hangSet.describe("hangset_", seconds, result);
    result.put("arrivals_per_s", arrivals.sum() / seconds);
    Latencies.describe(deliveryDelay.window(), "delivery_delay_", result);
    result.put("foreign_observations", foreign.sum());
    result.put("target_answered_per_s", (answeredAtEnd - answeredAtStart) / seconds);
    result.put("target_hanging_per_s", (hangingAtEnd - hangingAtStart) / seconds);
    result.put("target_connections", target.connections.sum());
    return result;
  }
}
