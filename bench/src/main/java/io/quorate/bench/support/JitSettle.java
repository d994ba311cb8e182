package io.quorate.bench.support;

/**
 * Waits until this JVM's JIT compilers have gone quiet. On two cores a C2 compiler thread busy with the
 * probe's large code path takes CPU from the event loop being measured (0.7 cores at 5,000 checks/s six
 * seconds after start, here), so a window opened too early measures the compiler. The probe needs about
 * twice as long as the bare client, and a fixed warm-up long enough for both wastes time on every
 * baseline run, so each JVM waits for its own compilers.
 */
public final class JitSettle {
  /** Compiler threads below this share of a core for {@link #QUIET_SECONDS} s in a row count as settled. */
  static final double QUIET_CORES = 0.10;
  static final int QUIET_SECONDS = 1;

  private JitSettle() {
  }

  /**
   * Sleeps at least {@code minMs}, then until the compilers are quiet, at most {@code maxMs} in all (not at
   * all when {@code maxMs <= minMs}).
   *
   * @return the milliseconds waited, negative when {@code maxMs} passed before the compilers settled
   */
  public static long await(long minMs, long maxMs) throws InterruptedException {
    long start = System.nanoTime();
    Thread.sleep(minMs);
    if (maxMs <= minMs) {
      return minMs; // a fixed warm-up: the compilers are not waited for
    }
    int quiet = 0;
    ThreadCpu.Sample before = ThreadCpu.sample();
    while (true) {
      long waited = (System.nanoTime() - start) / 1_000_000;
      if (waited >= maxMs) {
        return -waited;
      }
      Thread.sleep(1_000);
      ThreadCpu.Sample now = ThreadCpu.sample();
      Result second = new Result();
      ThreadCpu.describe(before, now, 1.0, second);
      before = now;
      double jit = second.number("jit_cores");
      quiet = Double.isNaN(jit) || jit < QUIET_CORES ? quiet + 1 : 0;
      if (quiet >= QUIET_SECONDS) {
        return (System.nanoTime() - start) / 1_000_000;
      }
    }
  }
}
