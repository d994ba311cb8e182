package io.quorate.local;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** A probe node started from {@code probe-node/target/probe-node.jar} as the docs say. */
final class ProbeProcess {
  private final Topology.Probe node;
  private final JarProcess process;

  ProbeProcess(Topology.Probe node, JarProcess process) {
    this.node = node;
    this.process = process;
  }

  JarProcess process() {
    return process;
  }

  String region() {
    return node.region();
  }

  /** The gRPC address of the coordinator this probe's link is on now, or null while it is not linked. */
  String linkedTo() {
    if (!process.alive()) {
      return null;
    }
    JsonObject health = ItHttp.get("http://127.0.0.1:" + node.httpPort() + "/health", null).json();
    return "connected".equals(health.getString("link")) ? health.getString("coordinator") : null;
  }

  void awaitLinked(Duration timeout) {
    ItWait.until(timeout, node.name() + " linked to a coordinator (log: " + process.logFile() + ")",
        () -> linkedTo() != null);
  }
}
