package io.quorate.bench.support;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used over a measurement window: by this JVM (cores busy on average, and per kind of thread, see
 * {@link ThreadCpu}), by the whole machine (from {@code /proc/stat} where there is one, so a noisy neighbour
 * shows in the results), and the time this JVM spent in garbage collection.
 */
public final class CpuMeter {
  private static final Path PROC_STAT = Path.of("/proc/stat");

  /** One reading; {@code machineBusyTicks} and {@code machineTotalTicks} are -1 without /proc/stat. */
  public record Sample(long wallNanos, long processCpuNanos, long gcMillis, long machineBusyTicks,
      long machineTotalTicks, ThreadCpu.Sample threads) {
  }

  private CpuMeter() {
  }

  public static Sample sample() {
    long[] machine = machineTicks();
    return new Sample(System.nanoTime(), processCpuNanos(), gcMillis(), machine[0], machine[1], ThreadCpu.sample());
  }

  /**
   * Adds {@code window_s}, {@code cpu_cores}, {@code gc_ms}, {@code machine_busy_cores} and the per-thread
   * figures for {@code from}→{@code to}.
   */
  public static void describe(Sample from, Sample to, Result into) {
    double wallNanos = to.wallNanos - from.wallNanos;
    into.put("window_s", wallNanos / 1e9);
    into.put("cpu_cores", (to.processCpuNanos - from.processCpuNanos) / wallNanos);
    into.put("gc_ms", to.gcMillis - from.gcMillis);
    long total = to.machineTotalTicks - from.machineTotalTicks;
    double busyCores = from.machineTotalTicks < 0 || total <= 0 ? Double.NaN
        : (double) (to.machineBusyTicks - from.machineBusyTicks) / total * Runtime.getRuntime().availableProcessors();
    into.put("machine_busy_cores", busyCores);
    ThreadCpu.describe(from.threads, to.threads, wallNanos / 1e9, into);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  /** {busy, total} jiffies of all CPUs: the first line of /proc/stat, idle and iowait counted as not busy. */
  private static long[] machineTicks() {
    try {
      String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i <= 8 && i < fields.length; i++) { // user..steal; guest time is already in user
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }
}
