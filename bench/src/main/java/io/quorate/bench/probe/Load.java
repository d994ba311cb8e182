package io.quorate.bench.probe;

import io.quorate.bench.support.Args;
import java.util.List;

/**
 * What the probe (or the baseline client) is asked to do: {@code monitors} checks every {@code intervalMs},
 * each with a hard {@code timeoutMs}. Monitors are numbered; {@code hangingPercent} of every hundred form
 * the "hang set", which points at a path that never answers when {@code hang} is on, and at the normal
 * path otherwise, so a run without hanging targets measures exactly the same healthy monitors.
 */
public record Load(int monitors, long intervalMs, long timeoutMs, int hangingPercent, boolean hang) {
  /** The probe's window for a new check's first run (CheckScheduler.FIRST_RUN_WINDOW_MS). */
  private static final long FIRST_RUN_WINDOW_MS = 5_000;

  public Load {
    if (monitors < 1 || intervalMs < 100 || timeoutMs < 1 || hangingPercent < 0 || hangingPercent > 100) {
      throw new IllegalArgumentException("invalid load: " + monitors + " monitors every " + intervalMs
          + " ms, timeout " + timeoutMs + " ms, " + hangingPercent + "% hanging");
    }
  }

  public static Load healthy(int monitors, long intervalMs, long timeoutMs) {
    return new Load(monitors, intervalMs, timeoutMs, 0, false);
  }

  /** Checks started per second when every monitor runs on time. */
  public double offeredPerSecond() {
    return monitors * 1000.0 / intervalMs;
  }

  /** Healthy (not hang-set) checks per second when every monitor runs on time. */
  public double steadyPerSecond() {
    return (monitors - hangSetSize()) * 1000.0 / intervalMs;
  }

  public int hangSetSize() {
    int size = 0;
    for (int i = 0; i < monitors; i++) {
      size += inHangSet(i) ? 1 : 0;
    }
    return size;
  }

  public boolean inHangSet(int index) {
    return index % 100 < hangingPercent;
  }

  /**
   * Milliseconds after the probe receives its checks until every monitor runs on its own slot: first runs
   * come within min(interval, 5 s), the second at least half an interval later, then one per interval.
   * Measuring earlier would count the first-run spread as lateness.
   */
  public long steadyAfterMs() {
    return Math.min(intervalMs, FIRST_RUN_WINDOW_MS) + intervalMs / 2;
  }

  /**
   * A UUID-shaped id, as the coordinator's monitor ids are, whose last group is the index. The other groups
   * are a hash of the index: the probe spreads runs by the id's hashCode, and ids that differ only in their
   * last digits (m-1, m-2 ...) cluster there, which would make the load bursty in a way real ids are not.
   */
  public static String monitorId(int index) {
    long mixed = mix(index);
    return String.format("%08x-%04x-4%03x-a%03x-%012x", mixed >>> 32, (mixed >>> 16) & 0xffff, (mixed >>> 4) & 0xfff,
        (mixed ^ (mixed >>> 40)) & 0xfff, index);
  }

  /** The index in an id made by {@link #monitorId(int)}; -1 for any other id. */
  public static int indexOf(String monitorId) {
    if (monitorId.length() != 36 || monitorId.charAt(23) != '-') {
      return -1;
    }
    try {
      long index = Long.parseLong(monitorId, 24, 36, 16);
      return index <= Integer.MAX_VALUE ? (int) index : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** SplitMix64's finalizer: consecutive inputs give unrelated outputs. */
  private static long mix(long value) {
    long z = value * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Path of monitor {@code index} on the target. */
  public String path(int index) {
    String id = monitorId(index);
    return hang && inHangSet(index) ? "/hang/" + id : "/queues/" + id + "/stats";
  }

  /** The same load as options (of a child JVM, or the body of the fixtures' {@code POST /plan}). */
  public List<String> asArgs() {
    return List.of("--monitors", Integer.toString(monitors), "--interval-ms", Long.toString(intervalMs),
        "--timeout-ms", Long.toString(timeoutMs), "--hanging-percent", Integer.toString(hangingPercent),
        "--hang", Boolean.toString(hang));
  }

  public static Load from(Args args) {
    return new Load(args.integer("monitors", 0), args.number("interval-ms", 0), args.number("timeout-ms", 0),
        args.integer("hanging-percent", 0), args.flag("hang"));
  }

  static final List<String> ARG_NAMES = List.of("monitors", "interval-ms", "timeout-ms", "hanging-percent", "hang");
}
