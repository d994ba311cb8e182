package io.quorate.coordinator.monitor;

import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.Ids;
import io.quorate.coordinator.api.NotFoundException;
import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.heartbeat.HeartbeatView;
import io.quorate.coordinator.heartbeat.HeartbeatViews;
import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.incident.IncidentStore;
import io.quorate.coordinator.live.TeamEvent;
import io.quorate.coordinator.live.TeamEvents;
import io.quorate.coordinator.maintenance.Holds;
import io.quorate.coordinator.quorum.RegionVerdict;
import io.quorate.coordinator.quorum.RegionVerdictStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/v1/monitors}: create, read, update, delete; every write is announced to the probe links. */
public final class MonitorRoutes {
  private static final Logger log = LoggerFactory.getLogger(MonitorRoutes.class);
  private final Pool pool;
  private final MonitorStore monitors;
  private final AssignmentBus bus;
  private final Clock clock;
  private final Supplier<String> pingBaseUrl;
  private final Supplier<Map<String, String>> excludedRegions;
  private final TeamEvents teamEvents;

  public MonitorRoutes(Pool pool, MonitorStore monitors, AssignmentBus bus, Clock clock, Supplier<String> pingBaseUrl,
      Supplier<Map<String, String>> excludedRegions, TeamEvents teamEvents) {
    this.teamEvents = teamEvents;
    this.pool = pool;
    this.monitors = monitors;
    this.bus = bus;
    this.clock = clock;
    this.pingBaseUrl = pingBaseUrl;
    this.excludedRegions = excludedRegions;
  }

  public void mount(Router api) {
    api.post("/monitors").handler(this::create);
    api.get("/monitors").handler(this::list);
    api.get("/monitors/:id").handler(this::get);
    api.put("/monitors/:id").handler(this::update);
    api.delete("/monitors/:id").handler(this::delete);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = ApiRouter.jsonBody(ctx);
    monitors.knownRegions()
        .map(regions -> MonitorRequests.parse(body, Optional.empty(), regions))
        .compose(draft -> KnownChannels.check(pool, draft))
        .compose(monitors::create)
        .compose(monitor -> {
          log.info("monitor created monitor={} name=\"{}\" type={}", monitor.id(), monitor.name(), monitor.spec().type());
          bus.announce(monitor.id());
          teamEvents.publish(TeamEvent.MONITOR_CREATED, monitor.id(), Optional.empty());
          return view(monitor.id());
        })
        .onSuccess(json -> {
          ctx.response().putHeader("Location", "/api/v1/monitors/" + json.getString("id"));
          Responses.json(ctx, 201, json);
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void list(RoutingContext ctx) {
    Instant now = clock.instant();
    Future.all(monitors.list(), RegionVerdictStore.all(pool), IncidentStore.list(pool, IncidentStore.IncidentFilter.OPEN, 100_000),
            HeartbeatViews.load(pool, Optional.empty(), now), Holds.load(pool, now))
        .onSuccess(all -> {
          List<Monitor> list = all.resultAt(0);
          Map<UUID, List<RegionVerdict>> verdicts = all.resultAt(1);
          Map<UUID, Incident> open = new HashMap<>();
          List<Incident> incidents = all.resultAt(2);
          incidents.forEach(i -> open.put(i.monitorId(), i));
          Map<UUID, HeartbeatView> heartbeats = all.resultAt(3);
          Holds holds = all.resultAt(4);
          JsonArray out = new JsonArray();
          for (Monitor monitor : list) {
            out.add(holds.putOn(MonitorJson.toJson(monitor, verdicts.getOrDefault(monitor.id(), List.of()),
                Optional.ofNullable(open.get(monitor.id())), Optional.ofNullable(heartbeats.get(monitor.id())),
                pingBaseUrl.get(), now, excludedRegions.get()), monitor, now));
          }
          // Pages, filters and counts: teamview.MonitorList, which answers as soon as a query parameter is given.
          Responses.json(ctx, 200, new JsonObject().put("monitors", out).put("total", out.size()).put("next", (String) null));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void get(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    view(id).onSuccess(json -> Responses.json(ctx, 200, json)).onFailure(error -> Responses.failure(ctx, error));
  }

  private void update(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    JsonObject body = ApiRouter.jsonBody(ctx);
    Future.all(monitors.find(id), monitors.knownRegions())
        .compose(found -> {
          Optional<Monitor> existing = found.resultAt(0);
          if (existing.isEmpty()) {
            return Future.failedFuture(new NotFoundException("monitor " + id));
          }
          return KnownChannels.check(pool, MonitorRequests.parse(body, existing, found.resultAt(1)))
              .compose(draft -> monitors.update(id, draft));
        })
        .compose(updated -> updated.isPresent() ? view(id) : Future.failedFuture(new NotFoundException("monitor " + id)))
        .onSuccess(json -> {
          log.info("monitor updated monitor={} name=\"{}\"", id, json.getString("name"));
          bus.announce(id);
          teamEvents.publish(TeamEvent.MONITOR_UPDATED, id, Optional.empty());
          Responses.json(ctx, 200, json);
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void delete(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    monitors.delete(id)
        .onSuccess(deleted -> {
          if (!deleted) {
            Responses.failure(ctx, new NotFoundException("monitor " + id));
            return;
          }
          log.info("monitor deleted monitor={}", id);
          bus.announce(id);
          teamEvents.publish(TeamEvent.MONITOR_DELETED, id, Optional.empty());
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private Future<JsonObject> view(UUID id) {
    Instant now = clock.instant();
    return Future.all(monitors.find(id), RegionVerdictStore.forMonitor(pool, id), IncidentStore.findOpen(pool, id),
            HeartbeatViews.load(pool, Optional.of(List.of(id)), now), Holds.load(pool, now))
        .compose(all -> {
          Optional<Monitor> monitor = all.resultAt(0);
          if (monitor.isEmpty()) {
            return Future.failedFuture(new NotFoundException("monitor " + id));
          }
          Map<String, RegionVerdict> verdicts = all.resultAt(1);
          Map<UUID, HeartbeatView> heartbeat = all.resultAt(3);
          Holds holds = all.resultAt(4);
          return Future.succeededFuture(holds.putOn(MonitorJson.toJson(monitor.get(), List.copyOf(verdicts.values()),
              all.resultAt(2), Optional.ofNullable(heartbeat.get(id)), pingBaseUrl.get(), now, excludedRegions.get()),
              monitor.get(), now));
        });
  }
}
