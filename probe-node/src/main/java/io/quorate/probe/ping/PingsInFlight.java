package io.quorate.probe.ping;

import java.util.HashMap;
import java.util.Map;

/**
 * Receive times of pings whose request has arrived but which are not yet in the outbox (the body is still
 * coming in). A watermark may not claim a time after the earliest of them: that ping will get a sequence
 * number later. Event loop only. A hash map, not a sorted one: it holds at most one entry per open
 * connection, is updated twice per ping and read once a second.
 */
public final class PingsInFlight {
  private final Map<Long, Integer> countByReceivedAt = new HashMap<>();

  public void arrived(long receivedAt) {
    countByReceivedAt.merge(receivedAt, 1, Integer::sum);
  }

  /** The ping got its sequence number, or was refused. */
  public void done(long receivedAt) {
    countByReceivedAt.computeIfPresent(receivedAt, (at, count) -> count == 1 ? null : count - 1);
  }

  /** The earliest receive time in flight, {@link Long#MAX_VALUE} when none. */
  public long oldest() {
    long oldest = Long.MAX_VALUE;
    for (long receivedAt : countByReceivedAt.keySet()) {
      oldest = Math.min(oldest, receivedAt);
    }
    return oldest;
  }
}
