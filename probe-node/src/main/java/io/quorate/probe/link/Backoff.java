package io.quorate.probe.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * {@code min(max, min * 2^n)}, so probes that lost the same coordinator do not all return at once.
 */
public final class Backoff {
  private final long minMs;
  private final long maxMs;
  private final RandomGenerator random;

  public Backoff(Duration min, Duration max, RandomGenerator random) {
    this.minMs = Math.max(1, min.toMillis());
    this.maxMs = Math.max(minMs, max.toMillis());
    this.random = random;
  }

  /** Delay before attempt {@code attempt} (0 = first retry), in milliseconds. */
  public long delayMs(int attempt) {
    long ceiling = minMs << Math.min(Math.max(attempt, 0), 30);
    long capped = ceiling <= 0 ? maxMs : Math.min(maxMs, ceiling);
    long half = capped / 2;
    return half + random.nextLong(capped - half + 1);
  }
}
