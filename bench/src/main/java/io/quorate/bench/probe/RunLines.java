package io.quorate.bench.probe;

import static io.quorate.bench.support.Stats.format;

import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Result;

/**
 * One progress line per finished run, printed as it ends, so the spread between rounds is visible next to
 * the medians the tables show. A run without figures is reported with its exit code and log.
 */
final class RunLines {
  private RunLines() {
  }

  /** The run's figures, empty (every figure "-") when it printed none; says so on the console. */
  static Result figures(String label, ChildJvm.Finished finished) {
    if (finished.result() != null) {
      return finished.result();
    }
    System.out.printf("  %-34s FAILED: exit %d%s, no figures; see %s%n", label, finished.exitCode(),
        finished.outOfMemory() ? ", OutOfMemoryError" : "", finished.log());
    return new Result();
  }

  static Result baseline(String label, ChildJvm.Finished finished) {
    Result r = figures(label, finished);
    if (finished.result() != null) {
      System.out.printf("  %-34s %s req/s (%s failed), lateness p50/p99/max %s/%s/%s ms, CPU %s cores%s"
              + " (target+sink %s, others %s), GC %s ms, %s target connections%n", label,
          format(r.number("completed_per_s"), 0), format(r.number("failed"), 0), ms(r, "lateness_p50_ms"),
          ms(r, "lateness_p99_ms"), ms(r, "lateness_max_ms"), format(r.number("cpu_cores"), 2), threads(r),
          format(r.number("sink_cpu_cores"), 2), format(others(r), 2), format(r.number("gc_ms"), 0),
          format(r.number("sink_target_connections"), 0));
    }
    return r;
  }

  static Result probe(String label, ChildJvm.Finished finished) {
    Result r = figures(label, finished);
    if (finished.result() != null) {
      System.out.printf("  %-34s %s obs/s (%s down), lateness p50/p99/max %s/%s/%s ms (/metrics p99 %s),"
              + " %s skipped, CPU %s cores%s (target+sink %s, others %s), GC %s ms, heap after GC %s MiB,"
              + " delivery p99 %s ms, %s target connections%n", label,
          format(r.number("sink_steady_per_s"), 0), format(r.number("sink_steady_down"), 0),
          ms(r, "sink_steady_lateness_p50_ms"), ms(r, "sink_steady_lateness_p99_ms"),
          ms(r, "sink_steady_lateness_max_ms"), format(r.number("metrics_lateness_p99_ms"), 1),
          format(r.number("skipped"), 0), format(r.number("cpu_cores"), 2), threads(r),
          format(r.number("sink_cpu_cores"), 2),
          format(others(r), 2), format(r.number("gc_ms"), 0), format(r.number("heap_after_gc_mib"), 0),
          ms(r, "sink_delivery_delay_p99_ms"), format(r.number("sink_target_connections"), 0));
      if (r.number("sink_hangset_observations") > 0) {
        System.out.printf("  %-34s hang set: %s obs/s, %s down, lateness p50/p99 %s/%s ms; %s in flight at the end%n",
            "", format(r.number("sink_hangset_per_s"), 0), format(r.number("sink_hangset_down"), 0),
            ms(r, "sink_hangset_lateness_p50_ms"), ms(r, "sink_hangset_lateness_p99_ms"),
            format(r.number("in_flight"), 0));
      }
    }
    return r;
  }

  /**
   * Cores busy on the machine but not in the measured JVM or the fixtures JVM: other people's work on the
   * shared machine (and the runner, which only waits). A run with much of it is suspect.
   */
  static double others(Result r) {
    return r.number("machine_busy_cores") - r.number("cpu_cores") - r.number("sink_cpu_cores");
  }

  /** The thread breakdown: the busiest thread (for the probe, its event loop), JIT compilers, GC; the warm-up. */
  private static String threads(Result r) {
    double warmup = r.number("warmup_ms");
    return " [busiest " + format(r.number("busiest_thread_cores"), 2) + " " + r.text("busiest_thread") + ", JIT "
        + format(r.number("jit_cores"), 2) + ", GC " + format(r.number("gc_cores"), 2) + "; warm-up "
        + format(Math.abs(warmup) / 1000, 1) + " s" + (warmup < 0 ? ", JIT still busy" : "") + "]";
  }

  private static String ms(Result r, String key) {
    return format(r.number(key), 0);
  }
}
