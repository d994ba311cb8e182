package io.quorate.bench.probe;

import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Control;
import io.quorate.bench.support.Result;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the benchmark's JVMs: the fixtures JVM once (target and sink, kept for every round), then one
 * fresh JVM per measured run, baseline or probe, each with its heap flags. A fresh JVM per run keeps one
 * run's garbage and JIT state from leaking into the next.
 */
final class Runs implements AutoCloseable {
  static final List<String> FIXTURES_FLAGS = List.of("-Xms512m", "-Xmx512m");
  /** Probe JVMs stop at the first OutOfMemoryError instead of limping on, so "no OOM" is unambiguous. */
  private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
  private static final Duration SLACK = Duration.ofSeconds(180);

  private final ProbeBenchOptions options;
  private final ChildJvm fixtures;
  private final int targetPort;
  private final String sink;
  private final String control;
  private int started;

  private Runs(ProbeBenchOptions options, ChildJvm fixtures, Result ports) {
    this.options = options;
    this.fixtures = fixtures;
    this.targetPort = (int) ports.number("target_port");
    this.sink = "127.0.0.1:" + (int) ports.number("sink_port");
    this.control = "http://127.0.0.1:" + (int) ports.number("control_port");
  }

  static Runs start(ProbeBenchOptions options) throws IOException {
    ChildJvm fixtures = ChildJvm.start("00-fixtures", FIXTURES_FLAGS, FixturesMain.class.getName(), List.of(),
        options.logDir());
    try {
      return new Runs(options, fixtures, fixtures.awaitReady(Duration.ofSeconds(60)));
    } catch (RuntimeException e) {
      fixtures.close();
      throw e;
    }
  }

  /** Heap flags of a measured JVM: fixed size ({@code -Xms} = {@code -Xmx}) so heap growth is not measured. */
  static List<String> fixedHeap(String heap) {
    return List.of("-Xms" + heap, "-Xmx" + heap, EXIT_ON_OOM);
  }

  /** Only a limit: the memory scenario asks whether the probe fits, so the heap may stay smaller. */
  static List<String> heapLimit(String heap) {
    return List.of("-Xmx" + heap, EXIT_ON_OOM);
  }

  /** One baseline run; its figures, or a failure with no figures (printed as "-"). */
  ChildJvm.Finished baseline(String name, Load load, List<String> jvmFlags, Window window)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(load.asArgs());
    args.addAll(List.of("--target-port", Integer.toString(targetPort), "--pool",
        Integer.toString(options.baselinePool()), "--control", control));
    args.addAll(window.asArgs());
    return run(name, jvmFlags, BaselineMain.class.getName(), args, window.totalMs());
  }

  /** One probe run: the sink is given the plan first, then a fresh probe JVM connects and receives it. */
  ChildJvm.Finished probe(String name, Load load, List<String> jvmFlags, Window window)
      throws IOException, InterruptedException {
    List<String> plan = new ArrayList<>(load.asArgs());
    plan.addAll(window.ramp().asArgs());
    Control.post(control + "/plan", String.join(" ", plan));
    List<String> args = new ArrayList<>(List.of("--sink", sink, "--control", control, "--max-concurrent",
        Integer.toString(options.maxConcurrent()), "--monitors", Integer.toString(load.monitors())));
    args.addAll(window.asArgs());
    return run(name, jvmFlags, ProbeUnderTestMain.class.getName(), args, window.totalMs());
  }

  private ChildJvm.Finished run(String name, List<String> jvmFlags, String main, List<String> args, long busyMs)
      throws IOException, InterruptedException {
    String logName = String.format("%02d-%s", ++started, name);
    try (ChildJvm child = ChildJvm.start(logName, jvmFlags, main, args, options.logDir())) {
      return child.awaitExit(Duration.ofMillis(busyMs).plus(SLACK));
    }
  }

  /** The command line of the fixtures JVM, for the report's setup section. */
  String fixturesCommand() {
    return fixtures.commandLine();
  }

  @Override
  public void close() {
    fixtures.close();
  }
}
