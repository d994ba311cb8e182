package io.quorate.bench.probe;

import io.quorate.bench.support.Args;
import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Control;
import io.quorate.bench.support.CpuMeter;
import io.quorate.bench.support.JitSettle;
import io.quorate.bench.support.Latencies;
import io.quorate.bench.support.ParentWatch;
import io.quorate.bench.support.Result;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The baseline JVM: a bare Vert.x HttpClient driven by per-monitor timers against the target, with the
 * probe scenario's monitors, intervals and slot offsets. Warms up for {@code --warmup-ms} and until its
 * JIT compilers are quiet (at most {@code --warmup-max-ms}), then measures for
 * {@code --measure-ms}, waits {@code --grace-ms} for requests started in the window to end, and prints one
 * RESULT line: requests completed per second, start lateness (timer fired minus slot, in ms like the
 * probe's clock) and this JVM's CPU.
 */
public final class BaselineMain {
  private BaselineMain() {
  }

  public static void main(String[] words) throws InterruptedException {
    ParentWatch.exitWhenStdinCloses();
    List<String> known = new ArrayList<>(Load.ARG_NAMES);
    known.addAll(Window.ARG_NAMES);
    known.addAll(List.of("target-port", "pool", "control"));
    Args args = Args.parse(words).requireKnown(Set.copyOf(known));
    Load load = Load.from(args);
    Vertx vertx = Vertx.vertx();
    Ramp ramp = Window.rampFrom(args);
    BaselineVerticle client = new BaselineVerticle(load, ramp, args.integer("target-port", 0),
        args.integer("pool", ProbeBenchOptions.DEFAULT_BASELINE_POOL));
    vertx.deployVerticle(client).await();
    if (ramp.active()) {
      Thread.sleep(ramp.ms());
      client.completeRamp();
    }

    long warmedUpMs = JitSettle.await(args.number("warmup-ms", 5_000), args.number("warmup-max-ms", 30_000));
    String control = args.required("control");
    Control.post(control + "/window/start", "");
    client.startWindow();
    CpuMeter.Sample from = CpuMeter.sample();
    Thread.sleep(args.number("measure-ms", 5_000));
    client.endWindow();
    CpuMeter.Sample to = CpuMeter.sample();
    Control.post(control + "/window/end", "");
    Thread.sleep(args.number("grace-ms", 1_000)); // requests started in the window may still be under way

    Result result = new Result().put("offered_per_s", load.offeredPerSecond()).put("warmup_ms", warmedUpMs);
    CpuMeter.describe(from, to, result);
    double seconds = (to.wallNanos() - from.wallNanos()) / 1e9;
    result.put("completed_per_s", client.completed.sum() / seconds);
    result.put("failed", client.failed.sum());
    Latencies.describe(client.lateness.window(), "lateness_", result);
    // The target's side of the same window (its rate, connections, and the fixtures JVM's CPU).
    result.putAll("sink_", Result.parse(Control.get(control + "/window")));
    ChildJvm.printResult(result);
    // No graceful close: the figures are out, and closing a client with thousands of timers still firing
    // only produces noise in the log (and took minutes once the machine was overloaded).
    System.exit(0);
  }
}
