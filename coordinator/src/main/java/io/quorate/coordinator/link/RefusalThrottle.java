package io.quorate.coordinator.link;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets one refused probe link per source (remote host, reason, region claimed, token) through to the log and
 * the refusals table every {@link #QUIET}. A stranger knocking on the gRPC port thousands of times a second, or
 * a retired probe retrying with a revoked token, then costs a counter increment per attempt, not a log line and
 * a database write each. The first refusal of a source is always recorded, so operators still see every cause.
 */
final class RefusalThrottle {
  static final Duration QUIET = Duration.ofSeconds(10);
  /** Sources remembered at most; beyond it the map is pruned, and cleared if a flood of sources keeps it full. */
  static final int MAX_SOURCES = 10_000;
  private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

  /** Whether this refusal should be logged and stored; the caller counts it in the metric either way. */
  boolean shouldRecord(String source, Instant now) {
    if (lastRecorded.size() >= MAX_SOURCES) {
      forgetQuietSources(now);
    }
    boolean[] record = {false};
    lastRecorded.compute(source, (key, last) -> {
      if (last != null && last.plus(QUIET).isAfter(now)) {
        return last;
      }
      record[0] = true;
      return now;
    });
    return record[0];
  }

  /** How many sources are remembered now (for tests of the bound). */
  int remembered() {
    return lastRecorded.size();
  }

  private void forgetQuietSources(Instant now) {
    lastRecorded.values().removeIf(last -> !last.plus(QUIET).isAfter(now));
    if (lastRecorded.size() >= MAX_SOURCES) {
      lastRecorded.clear(); // a flood from many addresses: bounded memory matters more than a few extra rows
    }
  }
}
