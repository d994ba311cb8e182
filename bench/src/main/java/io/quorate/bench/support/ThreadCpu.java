package io.quorate.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads, from {@code /proc/self/task} (Linux; elsewhere nothing is reported). The
 * probe does its work on one event loop, so the busiest thread says how close it is to its ceiling of one
 * core; the JIT compiler and GC threads say how much of the process's CPU was not the probe's own work
 * (short runs still compile).
 */
public final class ThreadCpu {
  /** Clock ticks per second of /proc's utime and stime: USER_HZ, 100 on every mainstream Linux build. */
  private static final double TICKS_PER_SECOND = 100;
  private static final Path TASKS = Path.of("/proc/self/task");

  /** Ticks used so far, per thread id, with the thread's name (as the kernel shows it: 15 characters). */
  public record Sample(Map<Integer, Thread> threads) {
  }

  public record Thread(String name, long ticks) {
  }

  private ThreadCpu() {
  }

  public static Sample sample() {
    Map<Integer, Thread> threads = new HashMap<>();
    try (Stream<Path> tasks = Files.list(TASKS)) {
      tasks.forEach(task -> read(task, threads));
    } catch (IOException | RuntimeException e) {
      // not Linux, or /proc not mounted: no breakdown
    }
    return new Sample(threads);
  }

  /**
   * Adds {@code busiest_thread_cores} and {@code busiest_thread}, {@code jit_cores} and {@code gc_cores} for
   * the interval between the samples (a thread that started in between counts from zero).
   */
  public static void describe(Sample from, Sample to, double seconds, Result into) {
    long busiest = 0;
    String busiestName = "-";
    long jit = 0;
    long gc = 0;
    for (Map.Entry<Integer, Thread> entry : to.threads().entrySet()) {
      Thread before = from.threads().get(entry.getKey());
      long used = entry.getValue().ticks() - (before == null ? 0 : before.ticks());
      String name = entry.getValue().name();
      if (used > busiest) {
        busiest = used;
        busiestName = name.replace(' ', '_');
      }
      if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
        jit += used;
      } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
        gc += used;
      }
    }
    boolean known = !to.threads().isEmpty();
    into.put("busiest_thread_cores", known ? busiest / TICKS_PER_SECOND / seconds : Double.NaN);
    into.put("busiest_thread", busiestName);
    into.put("jit_cores", known ? jit / TICKS_PER_SECOND / seconds : Double.NaN);
    into.put("gc_cores", known ? gc / TICKS_PER_SECOND / seconds : Double.NaN);
  }

  /** One line of /proc/self/task/<tid>/stat: {@code tid (name) state ... utime stime ...}. */
  private static void read(Path task, Map<Integer, Thread> into) {
    try {
      String stat = Files.readString(task.resolve("stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String[] fields = stat.substring(close + 2).split(" ");
      // fields[0] is the state (field 3 of stat); utime and stime are fields 14 and 15
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      into.put(Integer.parseInt(task.getFileName().toString()), new Thread(stat.substring(open + 1, close), ticks));
    } catch (IOException | RuntimeException e) {
      // the thread ended while being read
    }
  }
}
