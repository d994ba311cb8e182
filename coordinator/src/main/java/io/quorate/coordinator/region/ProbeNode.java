package io.quorate.coordinator.region;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A probe node as the coordinators last heard of it.
 *
 * @param disconnectedAt when its stream ended, if it is not linked now
 * @param watermark its newest "every ping received before T is stored", if it sent one
 * @param origin the address and token of its newest link
 */
public record ProbeNode(String nodeId, String region, String version, String coordinatorNode, Instant connectedSince,
    Instant lastSeenAt, Optional<Instant> disconnectedAt, boolean connectivityOk, String connectivityDetail,
    long eventsPending, Optional<Instant> watermark, LinkOrigin origin) {

  /** A node whose link origin does not matter (region health judges nodes without it). */
  public ProbeNode(String nodeId, String region, String version, String coordinatorNode, Instant connectedSince,
      Instant lastSeenAt, Optional<Instant> disconnectedAt, boolean connectivityOk, String connectivityDetail,
      long eventsPending, Optional<Instant> watermark) {
    this(nodeId, region, version, coordinatorNode, connectedSince, lastSeenAt, disconnectedAt, connectivityOk,
        connectivityDetail, eventsPending, watermark, LinkOrigin.UNKNOWN);
  }

  /** Linked now, and heard from within {@code lostAfter}. */
  public boolean live(Instant now, Duration lostAfter) {
    return disconnectedAt.isEmpty() && !lastSeenAt.isBefore(now.minus(lostAfter));
  }

  /** The last sign of life: a report, or the end of its stream. */
  public Instant lastHeard() {
    return disconnectedAt.filter(at -> at.isAfter(lastSeenAt)).orElse(lastSeenAt);
  }

  /** How far behind what it reports is; empty before its first watermark. */
  public Optional<Duration> lag(Instant now) {
    return watermark.map(at -> at.isAfter(now) ? Duration.ZERO : Duration.between(at, now));
  }
}
