package io.quorate.coordinator.teamview;

import io.quorate.coordinator.api.Ids;
import io.quorate.coordinator.api.NotFoundException;
import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.monitor.MonitorStore;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * The team view's reads: {@code GET /api/v1/monitors} with filters or a page size (without any query
 * parameter the plain list of {@code MonitorRoutes} answers, as before), and
 * {@code GET /api/v1/monitors/{id}/series}. Mount before {@code MonitorRoutes}.
 */
public final class TeamViewRoutes {
  private final Pool pool;
  private final MonitorStore monitors;
  private final MonitorList list;
  private final Clock clock;

  public TeamViewRoutes(Pool pool, MonitorStore monitors, MonitorList list, Clock clock) {
    this.pool = pool;
    this.monitors = monitors;
    this.list = list;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.get("/monitors").handler(this::page);
    api.get("/monitors/:id/series").handler(this::series);
  }

  private void page(RoutingContext ctx) {
    if (ctx.queryParams().isEmpty()) {
      ctx.next();
      return;
    }
    Future.succeededFuture(ctx.queryParams())
        .map(MonitorFilter::parse)
        .compose(list::page)
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void series(RoutingContext ctx) {
    Future.succeededFuture(ctx)
        .map(c -> Ids.parse(c.pathParam("id"), "monitor"))
        .compose(id -> {
          SeriesRequest request = SeriesRequest.parse(ctx.queryParams(), clock.instant());
          return monitors.find(id).compose(found -> found.isEmpty()
              ? Future.failedFuture(new NotFoundException("monitor " + id))
              : SeriesQuery.read(pool, id, request));
        })
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(error -> Responses.failure(ctx, error));
  }
}
