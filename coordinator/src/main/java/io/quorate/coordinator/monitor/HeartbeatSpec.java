package io.quorate.coordinator.monitor;

import java.time.Duration;
import java.util.UUID;

/**
 * A worker pings {@code /ping/<pingId>} after each success; no ping within period plus grace is an outage.
 */
public record HeartbeatSpec(UUID pingId, Duration period, Duration grace) implements MonitorSpec {
  @Override
  public String type() {
    return "heartbeat";
  }

  public Duration deadline() {
    return period.plus(grace);
  }
}
