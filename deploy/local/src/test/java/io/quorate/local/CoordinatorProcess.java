package io.quorate.local;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * A coordinator started from {@code coordinator/target/coordinator.jar} as the docs say (the jar-based
 * counterpart of the coordinator module's test {@code CoordinatorProcess}, which runs the test classpath).
 */
final class CoordinatorProcess {
  private final Topology.Coordinator node;
  private final JarProcess process;

  CoordinatorProcess(Topology.Coordinator node, JarProcess process) {
    this.node = node;
    this.process = process;
  }

  JarProcess process() {
    return process;
  }

  String name() {
    return node.name();
  }

  String apiBase() {
    return "http://127.0.0.1:" + node.httpPort();
  }

  String grpcAddress() {
    return "127.0.0.1:" + node.grpcPort();
  }

  /** Waits until {@code /health} says "up" in a cluster of at least {@code members} nodes. */
  void awaitServing(Duration timeout, int members) {
    ItWait.until(timeout, name() + " serving in a cluster of " + members + " (log: " + process.logFile() + ")", () -> {
      if (!process.alive()) {
        throw new AssertionError(name() + " exited; log: " + process.logFile());
      }
      JsonObject health = health();
      return "up".equals(health.getString("status")) && health.getInteger("cluster_members", 0) >= members;
    });
  }

  /** Probe regions linked to this node now; 0 when it does not answer. */
  int regionsLinked() {
    JsonArray regions = health().getJsonArray("probe_regions_connected");
    return regions == null ? 0 : regions.size();
  }

  JsonObject health() {
    return process.alive() ? ItHttp.get(apiBase() + "/health", null).json() : new JsonObject();
  }
}
