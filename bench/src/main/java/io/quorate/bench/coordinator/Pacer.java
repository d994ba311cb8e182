package io.quorate.bench.coordinator;

/**
 * A fixed offered rate: how many events are due at a moment, counted from when the rate was set, so a
 * late timer catches up instead of losing events and the long-run rate is exact. Not thread-safe.
 */
final class Pacer {
  private double perSecond;
  private long sinceNanos;
  private long emitted;

  Pacer(double perSecond, long nowNanos) {
    set(perSecond, nowNanos);
  }

  /** A new rate from now on; nothing owed under the old rate is carried over. */
  void set(double perSecond, long nowNanos) {
    if (perSecond < 0 || !Double.isFinite(perSecond)) {
      throw new IllegalArgumentException("rate must be a finite number >= 0, got " + perSecond);
    }
    this.perSecond = perSecond;
    this.sinceNanos = nowNanos;
    this.emitted = 0;
  }

  double perSecond() {
    return perSecond;
  }

  /** Events due by {@code nowNanos} and not yet taken; taking them is assumed (they count as emitted). */
  long take(long nowNanos) {
    long dueTotal = (long) Math.floor(perSecond * Math.max(0, nowNanos - sinceNanos) / 1e9);
    long due = Math.max(0, dueTotal - emitted);
    emitted += due;
    return due;
  }
}
