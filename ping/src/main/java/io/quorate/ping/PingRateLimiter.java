package io.quorate.ping;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per ping target (a uuid, or a ping key): {@code perSecond} pings a second on average,
 * bursts of up to {@code burst}. A target over its budget gets 429 until tokens refill. Buckets of targets
 * that stopped pinging are forgotten first when more than {@code maxTargets} are tracked, so memory stays
 * bounded whatever a client sends. Not thread-safe: one instance per event loop.
 */
public final class PingRateLimiter {
  private final double perMilli;
  private final double burst;
  private final Clock clock;
  private final Map<String, Bucket> buckets;

  public PingRateLimiter(double perSecond, int burst, int maxTargets, Clock clock) {
    if (perSecond <= 0 || burst < 1 || maxTargets < 1) {
      throw new IllegalArgumentException("rate limit needs perSecond > 0, burst >= 1 and maxTargets >= 1");
    }
    this.perMilli = perSecond / 1000.0;
    this.burst = burst;
    this.clock = clock;
    this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxTargets;
      }
    };
  }

  /** Takes one token for {@code target}; false means over the limit. */
  public boolean tryAcquire(String target) {
    long now = clock.millis();
    Bucket bucket = buckets.computeIfAbsent(target, t -> new Bucket(burst, now));
    bucket.refill(now, perMilli, burst);
    if (bucket.tokens < 1) {
      return false;
    }
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until {@code target} has a token again, for a Retry-After header (at least 1). */
  public long retryAfterSeconds(String target) {
    Bucket bucket = buckets.get(target);
    if (bucket == null || bucket.tokens >= 1) {
      return 1;
    }
    return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000.0));
  }

  private static final class Bucket {
    double tokens;
    long updatedAt;

    Bucket(double tokens, long updatedAt) {
      this.tokens = tokens;
      this.updatedAt = updatedAt;
    }

    void refill(long now, double perMilli, double burst) {
      if (now > updatedAt) {
        tokens = Math.min(burst, tokens + (now - updatedAt) * perMilli);
        updatedAt = now;
      }
    }
  }
}
