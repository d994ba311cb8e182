package io.quorate.coordinator.config;

import java.time.Duration;

/**
 * When a probe region stops counting: no node of it heard from for {@code lostAfter} (disconnected), or
 * its newest watermark older than {@code lagLimit} (what it reports is that far behind).
 */
public record ProbeHealthLimits(Duration lostAfter, Duration lagLimit) {
  /** Well above a reconnect to another coordinator node (seconds) and the 5 s health reports. */
  public static final ProbeHealthLimits DEFAULTS = new ProbeHealthLimits(Duration.ofSeconds(60), Duration.ofMinutes(2));

  public ProbeHealthLimits {
    if (lostAfter == null || lostAfter.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new ConfigException("probe-lost-after", "must be at least 10s (probes report every 5 s)");
    }
    if (lagLimit == null || lagLimit.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new ConfigException("probe-lag-limit", "must be at least 10s (watermarks move every second)");
    }
  }
}
