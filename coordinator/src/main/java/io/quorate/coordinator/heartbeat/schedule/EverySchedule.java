package io.quorate.coordinator.heartbeat.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A ping at least every {@code period}. A period has no wall-clock phase of its own: the caller anchors it at the
 * last ping, so {@code t} is that anchor. Hence {@code nextExpectedAfter(t) = t + period} and
 * {@code previousExpectedAtOrBefore(t)} is {@code t} itself (the anchor is the expected time that was met).
 */
public record EverySchedule(Duration period) implements Schedule {
  private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
  private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms"};

  public EverySchedule {
    if (period == null || period.isZero() || period.isNegative()) {
      throw new ScheduleException("period", "must be greater than zero, got " + period);
    }
  }

  @Override
  public Instant nextExpectedAfter(Instant t) {
    return t.plus(period);
  }

  @Override
  public Optional<Instant> previousExpectedAtOrBefore(Instant t) {
    return Optional.of(t);
  }

  /**
   * E.g. "every 5m", "every 1h30m": the units people write in a monitor's {@code period} (and that messages use for
   * grace), so "every 5m + grace 1m" reads as one sentence. Sub-millisecond periods only come from code.
   */
  @Override
  public String describe() {
    long millis = period.toMillis();
    if (millis == 0) {
      return "every " + period.toNanos() + "ns";
    }
    StringBuilder words = new StringBuilder("every ");
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      if (millis >= UNIT_MILLIS[i]) {
        words.append(millis / UNIT_MILLIS[i]).append(UNIT_NAMES[i]);
        millis %= UNIT_MILLIS[i];
      }
    }
    return words.toString();
  }
}
