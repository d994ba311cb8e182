package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.Ids;
import io.quorate.coordinator.api.NotFoundException;
import io.quorate.coordinator.api.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/maintenance-windows}: create, list, read, replace ({@code PUT}, the whole window) and delete.
 * A change takes effect at the next decision; alerts a window held are sent by the release sweep once nothing
 * holds their monitor any more.
 */
public final class MaintenanceRoutes {
  private static final Logger log = LoggerFactory.getLogger(MaintenanceRoutes.class);
  private static final String PATH = "/maintenance-windows";
  private final Pool pool;
  private final Clock clock;

  public MaintenanceRoutes(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.post(PATH).handler(this::create);
    api.get(PATH).handler(this::list);
    api.get(PATH + "/:id").handler(this::get);
    api.put(PATH + "/:id").handler(this::update);
    api.delete(PATH + "/:id").handler(this::delete);
  }

  private void create(RoutingContext ctx) {
    Instant now = clock.instant();
    MaintenanceWindow.Draft draft = MaintenanceRequests.parse(ApiRouter.jsonBody(ctx), now);
    KnownMonitors.check(pool, draft.matchers())
        .compose(known -> MaintenanceStore.create(pool, draft, now))
        .onSuccess(window -> {
          log.info("maintenance window created window={} name=\"{}\"", window.id(), draft.name());
          ctx.response().putHeader("Location", "/api/v1" + PATH + "/" + window.id());
          Responses.json(ctx, 201, HoldJson.window(window, now));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void list(RoutingContext ctx) {
    Instant now = clock.instant();
    MaintenanceStore.all(pool)
        .onSuccess(windows -> {
          JsonArray out = new JsonArray();
          windows.forEach(w -> out.add(HoldJson.window(w, now)));
          Responses.json(ctx, 200, new JsonObject().put("maintenance_windows", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void get(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "maintenance window");
    MaintenanceStore.find(pool, id)
        .compose(found -> existing(found, id))
        .onSuccess(window -> Responses.json(ctx, 200, HoldJson.window(window, clock.instant())))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void update(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "maintenance window");
    Instant now = clock.instant();
    MaintenanceWindow.Draft draft = MaintenanceRequests.parse(ApiRouter.jsonBody(ctx), now);
    KnownMonitors.check(pool, draft.matchers())
        .compose(known -> MaintenanceStore.update(pool, id, draft, now))
        .compose(updated -> existing(updated, id))
        .onSuccess(window -> {
          log.info("maintenance window updated window={} name=\"{}\"", id, draft.name());
          Responses.json(ctx, 200, HoldJson.window(window, now));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void delete(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "maintenance window");
    MaintenanceStore.delete(pool, id)
        .onSuccess(deleted -> {
          if (!deleted) {
            Responses.failure(ctx, new NotFoundException("maintenance window " + id));
            return;
          }
          log.info("maintenance window deleted window={}", id);
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private static Future<MaintenanceWindow> existing(Optional<MaintenanceWindow> found, UUID id) {
    return found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("maintenance window " + id)));
  }
}
