package io.quorate.bench.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The timing of one measured run: the {@link Ramp}, a warm-up with every monitor, the measurement window,
 * then a grace period so runs started in the window can still be counted when they end. The warm-up lasts
 * at least until every monitor runs on its slot (see {@link Load#steadyAfterMs()}), then until the JVM's
 * JIT compilers are quiet (see JitSettle), at most {@code warmupMaxMs}; the window covers at least two
 * intervals, so every monitor runs in it at least once or twice whatever its offset.
 */
record Window(Ramp ramp, long warmupMs, long warmupMaxMs, long measureMs, long graceMs) {

  static Window forLoad(Load load, Ramp ramp, long warmupMs, long warmupMaxMs, long measureMs, long graceMs) {
    long warmup = Math.max(warmupMs, load.steadyAfterMs() + 1_000);
    return new Window(ramp, warmup, Math.max(warmup, warmupMaxMs), Math.max(measureMs, 2 * load.intervalMs()),
        graceMs);
  }

  /** The longest a run can take once its JVM is up. */
  long totalMs() {
    return ramp.ms() + warmupMaxMs + measureMs + graceMs;
  }

  List<String> asArgs() {
    List<String> args = new ArrayList<>(ramp.asArgs());
    args.addAll(List.of("--warmup-ms", Long.toString(warmupMs), "--warmup-max-ms", Long.toString(warmupMaxMs),
        "--measure-ms", Long.toString(measureMs), "--grace-ms", Long.toString(graceMs)));
    return args;
  }

  static Ramp rampFrom(io.quorate.bench.support.Args args) {
    return new Ramp(args.integer("ramp-percent", 0), args.number("ramp-ms", 0));
  }

  static final List<String> ARG_NAMES = List.of("ramp-percent", "ramp-ms", "warmup-ms", "warmup-max-ms", "measure-ms",
      "grace-ms");
}
