package io.quorate.probe.web;

import io.quorate.probe.HostPort;
import io.quorate.probe.ProbeConfig;
import io.quorate.probe.check.CheckScheduler;
import io.quorate.probe.link.LinkClient;
import io.quorate.probe.link.Outbox;
import io.quorate.probe.ping.HeartbeatTargets;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: 200 while the process runs, with the link state in the body. A probe whose link is
 * down still answers 200: it keeps checking and queueing, and restarting it would lose its outbox. A probe
 * draining its spool before it exits answers 503 {@code "status":"draining"}, so a load balancer or a readiness
 * probe stops sending it pings, which it refuses from then on.
 */
public final class HealthRoutes {
  private final ProbeConfig config;
  private final LinkClient link;
  private final CheckScheduler checks;
  private final HeartbeatTargets heartbeats;
  private final Outbox outbox;
  private final BooleanSupplier draining;

  public HealthRoutes(ProbeConfig config, LinkClient link, CheckScheduler checks, HeartbeatTargets heartbeats,
      Outbox outbox, BooleanSupplier draining) {
    this.config = config;
    this.link = link;
    this.checks = checks;
    this.heartbeats = heartbeats;
    this.outbox = outbox;
    this.draining = draining;
  }

  public void mount(Router router) {
    router.get("/health").handler(this::health);
  }

  private void health(RoutingContext ctx) {
    boolean leaving = draining.getAsBoolean();
    JsonObject body = new JsonObject()
        .put("status", leaving ? "draining" : "up")
        .put("region", config.region())
        .put("node_id", config.nodeId())
        .put("version", config.version())
        .put("link", link.connected() ? "connected" : "disconnected")
        .put("coordinator", link.coordinator().map(HostPort::toString).orElse(null))
        .put("checks", checks.size())
        .put("heartbeats", heartbeats.size())
        .put("assignments_received", heartbeats.ready())
        .put("outbox_events", outbox.size())
        .put("spool_bytes", outbox.spoolBytes())
        .put("spool_full", outbox.full(0));
    ctx.response().setStatusCode(leaving ? 503 : 200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.encode());
  }
}
