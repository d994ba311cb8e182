package io.quorate.coordinator.monitor;

import java.time.Duration;
import java.util.Optional;

/**
 * A fleet heartbeat's rule, for busy queues where one missing ping means nothing: at least {@code minPings}
 * successful pings per {@code window} across all workers of a job class, and optionally a failure ratio
 * ({@code fail pings / all completions} in the window) no higher than {@code maxFailureRatio}.
 */
public record FleetRule(Duration window, long minPings, Optional<Double> maxFailureRatio) {
  public FleetRule {
    if (window.isNegative() || window.isZero() || minPings < 0) {
      throw new IllegalArgumentException("a fleet rule needs a positive window and minPings >= 0");
    }
  }
}
