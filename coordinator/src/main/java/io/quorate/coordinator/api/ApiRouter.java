package io.quorate.coordinator.api;

import io.quorate.coordinator.account.Authenticator;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The {@code /api/v1} router: a body size limit, authentication (session, API key or admin token) on
 * everything except the public routes, JSON bodies parsed once, and failures mapped to problem answers.
 */
public final class ApiRouter {
  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private ApiRouter() {}

  /** @param publicRoutes mounted before the token check; @param privateRoutes after it */
  public static Router create(Vertx vertx, Authenticator authenticator, java.util.function.Consumer<Router> publicRoutes,
      java.util.function.Consumer<Router> privateRoutes) {
    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    publicRoutes.accept(api);
    api.route().handler(authenticator::handle);
    privateRoutes.accept(api);
    api.route().handler(ctx -> Responses.problem(ctx, 404, "not_found", "no such endpoint: " + ctx.request().method()
        + " " + ctx.request().path(), null));
    api.route().failureHandler(ApiRouter::onFailure);
    return api;
  }

  /** The request body as a JSON object, or a 400 naming the problem. */
  public static JsonObject jsonBody(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw new ValidationException("body", "must be a JSON object");
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new ValidationException("body", "is not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  private static void onFailure(RoutingContext ctx) {
    if (ctx.failure() != null) {
      Responses.failure(ctx, ctx.failure());
    } else if (ctx.statusCode() == 413) {
      Responses.problem(ctx, 413, "bad_request", "request body larger than " + MAX_BODY_BYTES + " bytes", "body");
    } else {
      Responses.problem(ctx, ctx.statusCode(), "bad_request", "request failed with status " + ctx.statusCode(), null);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
