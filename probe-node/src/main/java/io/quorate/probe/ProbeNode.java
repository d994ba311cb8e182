package io.quorate.probe;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.probe.link.OutboxDrain;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running probe node: its HTTP endpoints, its link to the coordinators and its checks. Several may run
 * in one JVM (tests do), each with its own Vert.x and registry; nothing is static.
 *
 * <pre>{@code
 * ProbeNode node = ProbeNode.start(vertx, ProbeConfig.forRegion("eu-west", List.of("127.0.0.1:9090"), token),
 *     Clock.systemUTC(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).await();
 * }</pre>
 */
public final class ProbeNode {
  private static final Logger log = LoggerFactory.getLogger(ProbeNode.class);

  private final Vertx vertx;
  private final ProbeConfig config;
  private final ProbeVerticle verticle;
  private final String deploymentId;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final Promise<Void> closed = Promise.promise();

  private ProbeNode(Vertx vertx, ProbeConfig config, ProbeVerticle verticle, String deploymentId) {
    this.vertx = vertx;
    this.config = config;
    this.verticle = verticle;
    this.deploymentId = deploymentId;
  }

  /**
   * Starts a node: binds the HTTP server, then opens the link in the background.
   *
   * @return a Future that succeeds once the HTTP server listens (the link may still be connecting: see
   *     {@link #linkConnected()}), and fails when the server cannot bind, e.g. the port is taken.
   */
  public static Future<ProbeNode> start(Vertx vertx, ProbeConfig config, Clock clock, PrometheusMeterRegistry registry) {
    Objects.requireNonNull(config, "config");
    ProbeVerticle verticle = new ProbeVerticle(config, Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(registry, "registry"));
    return vertx.deployVerticle(verticle).map(id -> {
      ProbeNode node = new ProbeNode(vertx, config, verticle, id);
      log.info("probe node started region={} node={} http={}:{} coordinators={} version={} allow_targets={}",
          config.region(), config.nodeId(), config.httpHost(), node.httpPort(), String.join(",", config.coordinators()),
          config.version(), config.allowedTargets().isEmpty() ? "none" : String.join(",", config.allowedTargets()));
      return node;
    });
  }

  /** The HTTP port actually bound (a free one when the configuration said 0). */
  public int httpPort() {
    return verticle.httpPort();
  }

  /** True while a stream to a coordinator is open and the coordinator has welcomed this probe. */
  public boolean linkConnected() {
    return verticle.linkConnected();
  }

  public ProbeConfig config() {
    return config;
  }

  /**
   * Graceful shutdown: refuses new pings (503), stops the checks, waits up to {@code drainTimeout} for the
   * coordinators to acknowledge every spooled event, then closes. What is not acknowledged by then stays in
   * the spool and is sent at the next start; the log says which.
   *
   * @return the drain's result once the node is closed; fails only if closing fails
   */
  public Future<OutboxDrain.Result> drainAndClose(Duration drainTimeout) {
    return verticle.drain(drainTimeout).compose(result -> close().map(result));
  }

  /** Stops checks, closes the link and the HTTP server. Calling it again returns the same Future. */
  public Future<Void> close() {
    if (closing.compareAndSet(false, true)) {
      log.info("probe node stopping region={} node={}", config.region(), config.nodeId());
      vertx.undeploy(deploymentId).onComplete(done -> {
        if (done.succeeded()) {
          closed.complete();
        } else {
          closed.fail(done.cause());
        }
      });
    }
    return closed.future();
  }
}
