package io.quorate.bench.probe;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.bench.support.Args;
import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Control;
import io.quorate.bench.support.CpuMeter;
import io.quorate.bench.support.JitSettle;
import io.quorate.bench.support.Commands;
import io.quorate.bench.support.Result;
import io.quorate.probe.ProbeConfig;
import io.quorate.probe.ProbeNode;
import io.quorate.probe.ProbeVertx;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The probe JVM: a real {@link ProbeNode} connected over gRPC to the sink coordinator in the fixtures JVM,
 * running the checks the sink hands out against the target. It lives for all rounds of a step, idle (no
 * checks) between them, so its JIT warms up once. Each {@code run} command on stdin is one round: the sink
 * hands out the checks (after the {@link Ramp}, if any), they settle on their slots ({@code --warmup-ms})
 * and the JIT compilers go quiet (at most {@code --warmup-max-ms}), the window is measured
 * ({@code --measure-ms}), runs started in it get {@code --grace-ms} to reach the sink, and one RESULT line
 * says what the sink received (rates, outcomes, lateness per group), what this JVM spent (CPU, GC), what
 * the probe's own /metrics says (lateness quantiles, outbox) and the heap in use after a full GC.
 */
public final class ProbeUnderTestMain {
  private static final String LATENESS = "quorate_probe_check_start_lateness_seconds";
  private static final long ASSIGN_TIMEOUT_MS = 120_000;

  private ProbeUnderTestMain() {
  }

  public static void main(String[] words) throws InterruptedException {
    Commands commands = Commands.fromStdin();
    Args args = Args.parse(words).requireKnown(Set.of("sink", "control", "max-concurrent"));
    String control = args.required("control");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = productionLikeVertx(registry);
    ProbeConfig config = ProbeConfig.forRegion("bench", List.of(args.required("sink")), SinkCoordinator.TOKEN)
        .withMaxConcurrentChecks(args.integer("max-concurrent", ProbeConfig.DEFAULT_MAX_CONCURRENT_CHECKS))
        // The target runs on this machine: loopback must be allowed explicitly (target safety refuses it).
        .withAllowedTargets(List.of("127.0.0.0/8"));
    ProbeNode node = ProbeNode.start(vertx, config, Clock.systemUTC(), registry).await();
    Probe probe = new Probe(node, registry, control, "http://127.0.0.1:" + node.httpPort() + "/metrics");
    while (!node.linkConnected()) {
      Thread.sleep(50);
    }
    ChildJvm.printReady(new Result().put("http_port", node.httpPort()));

    Set<String> known = new HashSet<>(Window.ARG_NAMES);
    known.add("monitors");
    for (Optional<String[]> command = commands.next(); command.isPresent(); command = commands.next()) {
      ChildJvm.printResult(probe.round(Args.parse(command.get()).requireKnown(known)));
    }
    // No graceful close: the figures are out, and a stop is not what is measured.
    System.exit(0);
  }

  /** The node under test and how to reach it; used from main only. */
  private record Probe(ProbeNode node, PrometheusMeterRegistry registry, String control, String metricsUrl) {

    /**
     * One round: the sink hands out the plan's checks (the ramp's share first, if any), the checks settle
     * and the JIT goes quiet, the window is measured, the sink takes the checks back.
     */
    Result round(Args round) throws InterruptedException {
      Ramp ramp = Window.rampFrom(round);
      int monitors = round.integer("monitors", 0);
      Control.post(control + "/plan/resume", "");
      long assignedAfterMs = awaitAssigned(metricsUrl, ramp.firstCount(monitors));
      if (ramp.active()) {
        Thread.sleep(ramp.ms());
        Control.post(control + "/plan/complete-ramp", "");
        awaitAssigned(metricsUrl, monitors);
      }
      long warmedUpMs = JitSettle.await(round.number("warmup-ms", 5_000), round.number("warmup-max-ms", 30_000));
      Control.post(control + "/window/start", "");
      ProbeCounters before = ProbeCounters.read(registry);
      CpuMeter.Sample from = CpuMeter.sample();
      Thread.sleep(round.number("measure-ms", 5_000));
      Control.post(control + "/window/end", "");
      CpuMeter.Sample to = CpuMeter.sample();
      ProbeCounters after = ProbeCounters.read(registry);
      Thread.sleep(round.number("grace-ms", 1_000)); // runs started in the window may still be under way
      Result sink = Result.parse(Control.get(control + "/window"));
      MetricsText metrics = MetricsText.parse(Control.get(metricsUrl));

      Result result = new Result().put("monitors", monitors)
          .put("max_concurrent", node.config().maxConcurrentChecks())
          .put("assigned_after_ms", assignedAfterMs).put("warmup_ms", warmedUpMs);
      CpuMeter.describe(from, to, result);
      double seconds = (to.wallNanos() - from.wallNanos()) / 1e9;
      result.put("checks_per_s", (after.up() + after.down() - before.up() - before.down()) / seconds);
      result.put("skipped", after.skipped() - before.skipped());
      result.put("outbox_dropped", after.dropped() - before.dropped());
      fromMetrics(metrics, result);
      heapAfterFullGc(result); // while the checks are still assigned: what holding them costs
      Control.post(control + "/plan/pause", "");
      awaitAssigned(metricsUrl, 0);
      return result.putAll("sink_", sink);
    }
  }

  /** Built as ProbeMain builds it, so the benchmark pays what production pays. */
  private static Vertx productionLikeVertx(PrometheusMeterRegistry registry) {
    return ProbeVertx.create(registry);
  }

  /**
   * Polls /metrics until the probe has {@code monitors} checks (none, for 0).
   *
   * @return milliseconds it took: connecting the link, receiving the snapshot, scheduling the checks
   */
  private static long awaitAssigned(String metricsUrl, int monitors) throws InterruptedException {
    long start = System.nanoTime();
    while (true) {
      double assigned = MetricsText.parse(Control.get(metricsUrl)).value("quorate_probe_checks_assigned");
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      if (monitors == 0 ? assigned == 0 : assigned >= monitors) {
        return elapsedMs;
      }
      if (elapsedMs > ASSIGN_TIMEOUT_MS) {
        throw new IllegalStateException(assigned + " checks assigned instead of " + monitors + " after "
            + elapsedMs + " ms");
      }
      Thread.sleep(100);
    }
  }

  private static void fromMetrics(MetricsText metrics, Result into) {
    into.put("outbox_events", metrics.value("quorate_probe_outbox_events"));
    into.put("in_flight", metrics.value("quorate_probe_checks_in_flight"));
    // The probe's quantiles cover its last ~2 minutes, warm-up included: a cross-check, not the headline.
    into.put("metrics_lateness_p50_ms", metrics.value(LATENESS, "quantile=\"0.5\"") * 1000);
    into.put("metrics_lateness_p99_ms", metrics.value(LATENESS, "quantile=\"0.99\"") * 1000);
    into.put("metrics_lateness_max_ms", metrics.value(LATENESS + "_max") * 1000);
  }

  /** Heap still in use after a full collection: what the assigned checks and the probe's state really hold. */
  private static void heapAfterFullGc(Result into) {
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    into.put("heap_after_gc_mib", heap.getUsed() / 1048576.0);
    into.put("heap_max_mib", heap.getMax() / 1048576.0);
    String collectors = String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(bean -> bean.getName().replace(' ', '_')).toList());
    into.put("gc", collectors);
  }
}
