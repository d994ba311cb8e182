package io.quorate.coordinator.web;

import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.heartbeat.HeartbeatView;
import io.quorate.coordinator.heartbeat.HeartbeatViews;
import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.incident.IncidentStore;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorJson;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.coordinator.quorum.RegionVerdict;
import io.quorate.coordinator.quorum.RegionVerdictStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /api/v1/status}: the public summary. Names and states only: never a URL, header, body,
 * condition or reason, which may reveal internals or secrets.
 */
public final class StatusRoutes {
  private final Pool pool;
  private final MonitorStore monitors;
  private final Clock clock;

  public StatusRoutes(Pool pool, MonitorStore monitors, Clock clock) {
    this.pool = pool;
    this.monitors = monitors;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.get("/status").handler(this::status);
  }

  private void status(RoutingContext ctx) {
    Future.all(monitors.list(), IncidentStore.list(pool, IncidentStore.IncidentFilter.OPEN, 100_000), RegionVerdictStore.all(pool),
            HeartbeatViews.load(pool, Optional.empty(), clock.instant()))
        .onSuccess(all -> {
          List<Monitor> list = all.resultAt(0);
          List<Incident> open = all.resultAt(1);
          Map<UUID, List<RegionVerdict>> verdicts = all.resultAt(2);
          Map<UUID, HeartbeatView> heartbeats = all.resultAt(3);
          Map<UUID, Incident> openByMonitor = new HashMap<>();
          open.forEach(i -> openByMonitor.put(i.monitorId(), i));
          JsonArray out = new JsonArray();
          for (Monitor monitor : list) {
            String state = MonitorJson.state(monitor, verdicts.getOrDefault(monitor.id(), List.of()),
                Optional.ofNullable(openByMonitor.get(monitor.id())), Optional.ofNullable(heartbeats.get(monitor.id())));
            out.add(new JsonObject().put("name", monitor.name()).put("state", state));
          }
          ctx.response().putHeader("Cache-Control", "public, max-age=5");
          Responses.json(ctx, 200, new JsonObject()
              .put("state", open.isEmpty() ? "operational" : "outage")
              .put("monitors", out)
              .put("open_incidents", open.size())
              .put("updated_at", clock.instant().toString()));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }
}
