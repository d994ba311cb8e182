package io.quorate.bench.probe;

import io.quorate.bench.support.Args;
import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Commands;
import io.quorate.bench.support.Control;
import io.quorate.bench.support.CpuMeter;
import io.quorate.bench.support.JitSettle;
import io.quorate.bench.support.Latencies;
import io.quorate.bench.support.Result;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The baseline JVM: a bare Vert.x HttpClient driven by per-monitor timers against the target, with the
 * probe scenario's monitors, intervals and slot offsets. It lives for all rounds of a step, idle between
 * them, so its JIT warms up once. Each {@code run} command on stdin is one round: start the timers (after
 * the ramp, if given), warm up for {@code --warmup-ms} and until the JIT compilers are quiet (at most
 * {@code --warmup-max-ms}), measure for {@code --measure-ms}, wait {@code --grace-ms} for requests started
 * in the window, stop the timers, and print one RESULT line: requests completed per second, start lateness
 * (timer fired minus slot, in ms like the probe's clock), this JVM's CPU and the target's side.
 */
public final class BaselineMain {
  private BaselineMain() {
  }

  public static void main(String[] words) throws InterruptedException {
    Commands commands = Commands.fromStdin();
    List<String> known = new ArrayList<>(Load.ARG_NAMES);
    known.addAll(List.of("target-port", "pool", "control"));
    Args args = Args.parse(words).requireKnown(Set.copyOf(known));
    Load load = Load.from(args);
    String control = args.required("control");
    Vertx vertx = Vertx.vertx();
    BaselineVerticle client = new BaselineVerticle(load, args.integer("target-port", 0),
        args.integer("pool", ProbeBenchOptions.DEFAULT_BASELINE_POOL));
    vertx.deployVerticle(client).await();
    ChildJvm.printReady(new Result().put("monitors", load.monitors()));

    for (Optional<String[]> command = commands.next(); command.isPresent(); command = commands.next()) {
      Args round = Args.parse(command.get()).requireKnown(Set.copyOf(Window.ARG_NAMES));
      ChildJvm.printResult(round(client, load, round, control));
    }
    // No graceful close: closing a client with thousands of timers pending only produces noise in the log.
    System.exit(0);
  }

  private static Result round(BaselineVerticle client, Load load, Args round, String control)
      throws InterruptedException {
    Ramp ramp = Window.rampFrom(round);
    client.resume(ramp);
    if (ramp.active()) {
      Thread.sleep(ramp.ms());
      client.completeRamp(ramp);
    }
    long warmedUpMs = JitSettle.await(round.number("warmup-ms", 5_000), round.number("warmup-max-ms", 30_000));
    Control.post(control + "/window/start", "");
    client.startWindow();
    CpuMeter.Sample from = CpuMeter.sample();
    Thread.sleep(round.number("measure-ms", 5_000));
    client.endWindow();
    CpuMeter.Sample to = CpuMeter.sample();
    Control.post(control + "/window/end", "");
    Thread.sleep(round.number("grace-ms", 1_000)); // requests started in the window may still be under way
    client.pause();

    Result result = new Result().put("offered_per_s", load.offeredPerSecond()).put("warmup_ms", warmedUpMs);
    CpuMeter.describe(from, to, result);
    double seconds = (to.wallNanos() - from.wallNanos()) / 1e9;
    result.put("completed_per_s", client.completed.sum() / seconds);
    result.put("failed", client.failed.sum());
    Latencies.describe(client.lateness.window(), "lateness_", result);
    // The target's side of the same window (its rate, connections, and the fixtures JVM's CPU).
    result.putAll("sink_", Result.parse(Control.get(control + "/window")));
    return result;
  }
}
