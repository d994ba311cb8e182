package io.quorate.probe.support;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.HeartbeatTarget;
import io.quorate.link.v1.HttpCheck;
import io.quorate.probe.ProbeConfig;
import io.quorate.probe.ProbeNode;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Shorthands for starting probe nodes and describing their work in tests. */
public final class Probes {
  public static final String TOKEN = "test-probe-token-7f3a";

  private Probes() {
  }

  /**
   * A probe config for tests: fast reconnects, loopback HTTP on a free port, and loopback targets allowed
   * (test endpoints listen there; a probe refuses loopback by default).
   */
  public static ProbeConfig config(String region, String... coordinators) {
    return ProbeConfig.forRegion(region, List.of(coordinators), TOKEN)
        .withReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
        .withAllowedTargets(List.of("127.0.0.0/8"));
  }

  public static ProbeNode start(Vertx vertx, ProbeConfig config) {
    return start(vertx, config, Clock.systemUTC(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public static ProbeNode start(Vertx vertx, ProbeConfig config, Clock clock, PrometheusMeterRegistry registry) {
    return ProbeNode.start(vertx, config, clock, registry).await();
  }

  public static HttpCheck check(String monitorId, String url, long intervalMs, long timeoutMs, String... conditions) {
    return HttpCheck.newBuilder().setMonitorId(monitorId).setVersion(1).setName("queue " + monitorId)
        .setMethod("GET").setUrl(url).setIntervalMs(intervalMs).setTimeoutMs(timeoutMs)
        .addAllConditions(List.of(conditions)).build();
  }

  public static AssignmentSnapshot snapshot(HttpCheck... checks) {
    return AssignmentSnapshot.newBuilder().addAllChecks(List.of(checks)).build();
  }

  public static AssignmentSnapshot heartbeats(String monitorId, String pingId) {
    return AssignmentSnapshot.newBuilder()
        .addHeartbeats(HeartbeatTarget.newBuilder().setMonitorId(monitorId).setPingId(pingId)).build();
  }
}
