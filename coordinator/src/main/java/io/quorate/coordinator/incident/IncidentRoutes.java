package io.quorate.coordinator.incident;

import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Locale;

/** {@code GET /api/v1/incidents?state=open|resolved|all}. */
public final class IncidentRoutes {
  private static final int LIMIT = 500;
  private final Pool pool;

  public IncidentRoutes(Pool pool) {
    this.pool = pool;
  }

  public void mount(Router api) {
    api.get("/incidents").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    String state = ctx.queryParams().get("state");
    IncidentStore.IncidentFilter filter;
    try {
      filter = state == null ? IncidentStore.IncidentFilter.ALL
          : IncidentStore.IncidentFilter.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("state", "must be open, resolved or all");
    }
    IncidentStore.list(pool, filter, LIMIT)
        .onSuccess(incidents -> {
          JsonArray out = new JsonArray();
          incidents.forEach(i -> out.add(IncidentJson.toJson(i)));
          Responses.json(ctx, 200, new JsonObject().put("incidents", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }
}
