package io.quorate.coordinator.api;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI document, without a token (it describes the API and reveals
 * nothing stored). Clients revalidate with the ETag; the document changes only with a new release.
 */
public final class OpenApiRoutes {
  public static final String PATH = "/openapi.json";
  private final Future<OpenApiDocument> document;

  /** @param document loaded before the HTTP server listens, so every request finds it complete */
  public OpenApiRoutes(Future<OpenApiDocument> document) {
    this.document = document;
  }

  public void mount(Router api) {
    api.get(PATH).handler(this::serve);
  }

  private void serve(RoutingContext ctx) {
    document.onSuccess(loaded -> {
      ctx.response().putHeader("ETag", loaded.etag()).putHeader("Cache-Control", "no-cache");
      if (loaded.etag().equals(ctx.request().getHeader("If-None-Match"))) {
        ctx.response().setStatusCode(304).end();
        return;
      }
      ctx.response().putHeader("Content-Type", "application/json").end(loaded.json());
    }).onFailure(error -> Responses.failure(ctx, error));
  }
}
