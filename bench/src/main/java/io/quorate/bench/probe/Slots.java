package io.quorate.bench.probe;

/**
 * The probe's time grid, mirrored: a monitor runs at the instants {@code t} (epoch ms) with
 * {@code t ≡ hash(monitorId) mod interval} (CheckScheduler.nextSlot). The baseline client schedules on the
 * same grid, and the sink recovers each run's slot from its start time, so both report the same lateness:
 * start minus slot.
 */
public final class Slots {
  private Slots() {
  }

  public static long offset(String monitorId, long intervalMs) {
    return Math.floorMod(monitorId.hashCode(), intervalMs);
  }

  /** The latest slot at or before {@code t}. */
  public static long slotAtOrBefore(long t, long offset, long intervalMs) {
    return t - Math.floorMod(t - offset, intervalMs);
  }

  /** The first slot strictly after {@code t}, as the probe picks its next run. */
  public static long slotAfter(long t, long offset, long intervalMs) {
    return slotAtOrBefore(t, offset, intervalMs) + intervalMs;
  }

  /**
   * How late a run that started at {@code startMs} was. A start recovered from an observation may read up to
   * a millisecond before its slot (the probe reads its clock separately for observed_at and latency), so a
   * start within {@value #TOLERANCE_MS} ms before a slot belongs to that slot and counts as on time. Only
   * exact while lateness stays below one interval (a run later than that is attributed to the following
   * slot); the probe's own /metrics quantiles, also reported, do not have that limit.
   */
  public static long lateness(long startMs, String monitorId, long intervalMs) {
    long slot = slotAtOrBefore(startMs + TOLERANCE_MS, offset(monitorId, intervalMs), intervalMs);
    return Math.max(0, startMs - slot);
  }

  static final long TOLERANCE_MS = 2;
}
