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

/** Real probe nodes from the probe-node module, one Vert.x instance each, as separate regions would run them. */
public final class TestProbes implements AutoCloseable {
  private final Map<String, ProbeNode> probes = new LinkedHashMap<>();
  private final List<Vertx> vertxes = new ArrayList<>();

  public static TestProbes start(List<String> coordinators, String token, String... regions) {
    TestProbes started = new TestProbes();
    for (String region : regions) {
      started.add(region, coordinators, token);
    }
    return started;
  }

  public ProbeNode add(String region, List<String> coordinators, String token) {
    Vertx vertx = Vertx.vertx();
    vertxes.add(vertx);
    // Test targets listen on loopback, which probes refuse unless their own config allows it.
    ProbeConfig config = ProbeConfig.forRegion(region, coordinators, token).withAllowedTargets(List.of("127.0.0.0/8"));
    ProbeNode probe = ProbeNode.start(vertx, config, Clock.systemUTC(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
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

  @Override
  public void close() {
    probes.values().forEach(p -> p.close().await());
    vertxes.forEach(v -> v.close().await());
  }
}
