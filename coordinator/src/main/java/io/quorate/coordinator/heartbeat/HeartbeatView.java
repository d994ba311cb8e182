package io.quorate.coordinator.heartbeat;

import java.time.Instant;
import java.util.Optional;

/**
 * Everything the API shows about a heartbeat's current state: the evaluated status, the facts it was
 * decided from, how far the regions have delivered, the newest ping, and the project's ping key.
 */
public record HeartbeatView(HeartbeatStatus status, HeartbeatFacts facts, KnownUntil knownUntil,
    Optional<LastPing> lastPing, String pingKey) {

  /** The newest ping other than a log ping, with its body as the monitor's last message. */
  public record LastPing(Instant at, String kind, String body) {}
}
