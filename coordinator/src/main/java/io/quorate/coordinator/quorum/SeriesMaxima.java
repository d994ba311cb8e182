package io.quorate.coordinator.quorum;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node knows of each monitor's newest rollup bucket: maxima it has itself committed there. The stored
 * maxima can only be as large or larger (other nodes add to the same bucket, and a maximum never shrinks), so a
 * batch whose values are all within what this node knows cannot raise the stored maxima, and its rollup write
 * skips merging them in PostgreSQL: at thousands of runs a second that merge was about a tenth of the database's
 * work (benchmark of 2026-12-05), and most runs do not set a new maximum.
 *
 * <p>One entry per monitor (its newest bucket), so the map stays as large as the monitors this node has stored
 * runs for, until a change to the monitor is announced ({@link #forget}). Only committed writes are remembered: a
 * rolled-back batch added nothing.
 */
final class SeriesMaxima {
  private record Known(Instant bucketStart, Map<String, Double> max) {}

  private final Map<UUID, Known> known = new ConcurrentHashMap<>();

  /** Forgets a monitor: its next rollup write merges its maxima in PostgreSQL, as a first write does. */
  void forget(UUID monitorId) {
    known.remove(monitorId);
  }

  /** Whether every value of {@code max} is within what this node has committed to this bucket. */
  boolean covers(UUID monitorId, Instant bucketStart, JsonObject max) {
    Known k = known.get(monitorId);
    if (k == null || !k.bucketStart().equals(bucketStart)) {
      return false;
    }
    for (Map.Entry<String, Object> value : max) {
      Double stored = k.max().get(value.getKey());
      if (stored == null || ((Number) value.getValue()).doubleValue() > stored) {
        return false;
      }
    }
    return true;
  }

  /** Remembers maxima committed to a bucket; a bucket older than the one known for the monitor is ignored. */
  void committed(UUID monitorId, Instant bucketStart, JsonObject max) {
    known.compute(monitorId, (id, before) -> {
      if (before != null && before.bucketStart().isAfter(bucketStart)) {
        return before;
      }
      Map<String, Double> merged = before != null && before.bucketStart().equals(bucketStart)
          ? new HashMap<>(before.max()) : new HashMap<>();
      max.forEach(value -> merged.merge(value.getKey(), ((Number) value.getValue()).doubleValue(), Math::max));
      return new Known(bucketStart, Map.copyOf(merged));
    });
  }
}
