package io.quorate.coordinator.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers and turns failures into the small problem body every endpoint shares. */
public final class Responses {
  private Responses() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  public static void problem(RoutingContext ctx, int status, String error, String message, String field) {
    JsonObject body = new JsonObject().put("error", error).put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    json(ctx, status, body);
  }

  /** The one place exceptions become HTTP answers. */
  public static void failure(RoutingContext ctx, Throwable error) {
    if (error instanceof ValidationException invalid) {
      problem(ctx, 400, "bad_request", invalid.getMessage(), invalid.field());
    } else if (error instanceof NotFoundException missing) {
      problem(ctx, 404, "not_found", missing.getMessage(), null);
    } else if (error instanceof ConflictException conflict) {
      problem(ctx, 409, "conflict", conflict.getMessage(), null);
    } else {
      org.slf4j.LoggerFactory.getLogger(Responses.class)
          .error("request failed method={} path={} error={}", ctx.request().method(), ctx.request().path(), error.toString());
      problem(ctx, 500, "internal", "internal error; see the coordinator log", null);
    }
  }
}
