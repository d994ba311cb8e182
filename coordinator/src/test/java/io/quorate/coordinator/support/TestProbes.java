package io.quorate.coordinator.support;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.probe.ProbeConfig;
import io.quorate.probe.ProbeNode;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Real probe nodes from the probe-node module, one Vert.x instance each, as separate regions would run them.
 * Each keeps its spool in its own temporary directory, so {@link #restart} brings a node back with its
 * unacknowledged pings and its node id, as a restarted process would.
 */
public final class TestProbes implements AutoCloseable {
  private final Map<String, ProbeNode> probes = new LinkedHashMap<>();
  private final Map<String, ProbeConfig> configs = new LinkedHashMap<>();
  private final List<Vertx> vertxes = new ArrayList<>();
  private final Clock clock;

  public TestProbes(Clock clock) {
    this.clock = clock;
  }

  public static TestProbes start(List<String> coordinators, String token, String... regions) {
    TestProbes started = new TestProbes(Clock.systemUTC());
    for (String region : regions) {
      started.add(region, coordinators, token);
    }
    return started;
  }

  public ProbeNode add(String region, List<String> coordinators, String token) {
    return add(region, coordinators, token, UnaryOperator.identity());
  }

  /** @param adjust changes to the probe's default test configuration */
  public ProbeNode add(String region, List<String> coordinators, String token, UnaryOperator<ProbeConfig> adjust) {
    // Test targets listen on loopback, which probes refuse unless their own config allows it.
    ProbeConfig config = adjust.apply(
        ProbeConfig.forRegion(region, coordinators, token).withAllowedTargets(List.of("127.0.0.0/8")));
    configs.put(region, config);
    return launch(region, config);
  }

  /** Stops the region's probe node and starts it again on the same spool and node id. */
  public ProbeNode restart(String region) {
    stop(region);
    return start(region);
  }

  /** Stops the region's probe node; {@link #start} brings it back with the same spool and node id. */
  public void stop(String region) {
    probes.remove(region).close().await();
  }

  public ProbeNode start(String region) {
    return launch(region, configs.get(region));
  }

  private ProbeNode launch(String region, ProbeConfig config) {
    Vertx vertx = Vertx.vertx();
    vertxes.add(vertx);
    ProbeNode probe = ProbeNode.start(vertx, config, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
        .await();
    probes.put(region, probe);
    return probe;
  }

  public ProbeNode probe(String region) {
    return probes.get(region);
  }

  public boolean allConnected() {
    return probes.values().stream().allMatch(ProbeNode::linkConnected);
  }

  /** A client for the probe's own HTTP endpoints (/ping, /health). */
  public Api http(String region) {
    return new Api(probes.get(region).httpPort(), null);
  }

  /** A ping client for the region's probe node. */
  public Pinger pinger(String region) {
    return new Pinger(probes.get(region).httpPort());
  }

  @Override
  public void close() {
    probes.values().forEach(p -> p.close().await());
    vertxes.forEach(v -> v.close().await());
  }
}
