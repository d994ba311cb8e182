package io.quorate.coordinator.region;

import io.quorate.coordinator.api.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code GET /probes}: every probe region, whether it votes, why not, and each of its nodes (version,
 * coordinator node, connected since, last report, connectivity, backlog, watermark lag);
 * {@code GET /region-incidents}: "probe region degraded" incidents, open and of the last week.
 */
public final class RegionRoutes {
  private final Pool pool;
  private final Clock clock;
  private final RegionHealthSweep health;

  public RegionRoutes(Pool pool, Clock clock, RegionHealthSweep health) {
    this.pool = pool;
    this.clock = clock;
    this.health = health;
  }

  public void mount(Router api) {
    api.get("/probes").handler(this::probes);
    api.get("/region-incidents").handler(this::incidents);
  }

  /** Probe regions that do not vote now, with why. */
  public java.util.Map<String, String> excludedRegions() {
    return health.excludedRegions();
  }

  private void probes(RoutingContext ctx) {
    health.runOnce()
        .compose(regions -> RegionIncidents.recent(pool, clock.instant()).map(incidents -> {
          Instant now = clock.instant();
          JsonArray out = new JsonArray();
          for (RegionHealth region : regions) {
            JsonObject incident = incidents.stream()
                .filter(i -> i.region().equals(region.region()) && i.resolvedAt().isEmpty())
                .findFirst().map(RegionIncidents.RegionIncident::toJson).orElse(null);
            JsonArray nodes = new JsonArray();
            region.nodes().forEach(node -> nodes.add(nodeJson(node, now)));
            out.add(new JsonObject().put("region", region.region())
                .put("state", region.degraded() ? "degraded" : "healthy")
                .put("votes", !region.degraded())
                .put("reason", region.reason())
                .put("incident", incident)
                .put("nodes", nodes));
          }
          return new JsonObject().put("regions", out);
        }))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void incidents(RoutingContext ctx) {
    RegionIncidents.recent(pool, clock.instant())
        .onSuccess(incidents -> {
          JsonArray out = new JsonArray();
          incidents.forEach(i -> out.add(i.toJson()));
          Responses.json(ctx, 200, new JsonObject().put("region_incidents", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private static JsonObject nodeJson(ProbeNode node, Instant now) {
    return new JsonObject().put("node_id", node.nodeId()).put("version", node.version())
        .put("coordinator_node", node.coordinatorNode())
        .put("connected", node.disconnectedAt().isEmpty())
        .put("connected_since", node.connectedSince().toString())
        .put("last_seen_at", node.lastSeenAt().toString())
        .put("disconnected_at", node.disconnectedAt().map(Instant::toString).orElse(null))
        .put("connectivity_ok", node.connectivityOk())
        .put("connectivity_detail", node.connectivityDetail())
        .put("events_pending", node.eventsPending())
        .put("watermark", node.watermark().map(Instant::toString).orElse(null))
        .put("lag_ms", node.lag(now).map(lag -> lag.toMillis()).orElse(null))
        .mergeIn(node.origin().toJson());
  }
}
