package io.quorate.bench.probe;

import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Control;
import io.quorate.bench.support.Result;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the benchmark's JVMs: the fixtures JVM once (target and sink, kept for everything), then a
 * baseline and a probe JVM per step or scenario, each with its heap flags, kept for all of its rounds. A
 * JVM per step keeps one load's garbage and connections out of the next, and keeping it across rounds
 * pays the JIT warm-up once: the probe's takes 10–15 s on two cores, and while it lasts the compiler
 * competes with the event loop being measured.
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

  /** A baseline JVM for one load, started and idle until asked for rounds; close it after the last. */
  ChildJvm baseline(String name, Load load, List<String> jvmFlags) throws IOException {
    List<String> args = new ArrayList<>(load.asArgs());
    args.addAll(List.of("--target-port", Integer.toString(targetPort), "--pool",
        Integer.toString(options.baselinePool()), "--control", control));
    return started(name, jvmFlags, BaselineMain.class.getName(), args);
  }

  /** A probe JVM connected to the sink, with no checks until asked for rounds; close it after the last. */
  ChildJvm probe(String name, List<String> jvmFlags) throws IOException {
    List<String> args = List.of("--sink", sink, "--control", control, "--max-concurrent",
        Integer.toString(options.maxConcurrent()));
    return started(name, jvmFlags, ProbeUnderTestMain.class.getName(), args);
  }

  /** One round of a baseline JVM: its figures, or none when it failed (printed as "-"). */
  ChildJvm.Finished baselineRound(ChildJvm baseline, Window window) throws IOException, InterruptedException {
    baseline.send("run " + String.join(" ", window.asArgs()));
    return baseline.nextResult(Duration.ofMillis(window.totalMs()).plus(SLACK));
  }

  /** One round of a probe JVM: the sink gets the plan first, then the probe is told to run it. */
  ChildJvm.Finished probeRound(ChildJvm probe, Load load, Window window) throws IOException, InterruptedException {
    List<String> plan = new ArrayList<>(load.asArgs());
    plan.addAll(window.ramp().asArgs());
    Control.post(control + "/plan", String.join(" ", plan));
    probe.send("run --monitors " + load.monitors() + " " + String.join(" ", window.asArgs()));
    return probe.nextResult(Duration.ofMillis(window.totalMs()).plus(SLACK));
  }

  private ChildJvm started(String name, List<String> jvmFlags, String main, List<String> args) throws IOException {
    ChildJvm child = ChildJvm.start(String.format("%02d-%s", ++started, name), jvmFlags, main, args,
        options.logDir());
    try {
      child.awaitReady(Duration.ofSeconds(60));
      return child;
    } catch (RuntimeException e) {
      child.close();
      throw e;
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
