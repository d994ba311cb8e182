package io.quorate.coordinator.status;

import io.quorate.coordinator.api.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public status, without a token: {@code GET /api/v1/status} (JSON), {@code GET /status} (the page) and
 * {@code GET /badge/{slug}.svg}, {@code GET /badge/{slug}/uptime.svg}. All answer from {@link StatusCache},
 * with a strong ETag, 304 for a matching {@code If-None-Match}, and {@code Cache-Control: public}.
 */
public final class PublicStatusRoutes {
  private static final Logger log = LoggerFactory.getLogger(PublicStatusRoutes.class);
  private static final int PAGE_MAX_AGE_SECONDS = 15;
  private static final int BADGE_MAX_AGE_SECONDS = 60;
  private static final String SVG = "image/svg+xml; charset=utf-8";
  private final StatusCache cache;

  public PublicStatusRoutes(StatusCache cache) {
    this.cache = cache;
  }

  /** On the {@code /api/v1} router, before its token check. */
  public void mountApi(Router api) {
    api.get("/status").handler(ctx -> answer(ctx, cache.get().map(RenderedStatus::json), PAGE_MAX_AGE_SECONDS));
  }

  /** On the root router: the page and the badges. */
  public void mountPages(Router router) {
    router.get("/status").handler(ctx -> answer(ctx, cache.get().map(RenderedStatus::page), PAGE_MAX_AGE_SECONDS));
    router.get("/badge/:slug/uptime.svg").handler(ctx -> badge(ctx, ctx.pathParam("slug"), Badges::uptime));
    router.get("/badge/:file").handler(ctx -> {
      String file = ctx.pathParam("file");
      if (!file.endsWith(".svg")) {
        ctx.next();
        return;
      }
      badge(ctx, file.substring(0, file.length() - ".svg".length()), Badges::status);
    });
  }

  private void badge(RoutingContext ctx, String slug, Function<Component, String> render) {
    Future<Optional<CachedBody>> svg = cache.get()
        .map(status -> status.snapshot().bySlug(slug).map(component -> CachedBody.of(render.apply(component), SVG)));
    svg.onSuccess(found -> {
      if (found.isEmpty()) {
        // The same answer for a private monitor and for none: a badge URL must not confirm that one exists.
        ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
            .putHeader("X-Content-Type-Options", "nosniff")
            .end("no public component named " + slug + "\n");
      } else {
        send(ctx, found.get(), BADGE_MAX_AGE_SECONDS);
      }
    }).onFailure(error -> unavailable(ctx, error));
  }

  private void answer(RoutingContext ctx, Future<CachedBody> body, int maxAgeSeconds) {
    body.onSuccess(cached -> send(ctx, cached, maxAgeSeconds)).onFailure(error -> unavailable(ctx, error));
  }

  private static void send(RoutingContext ctx, CachedBody body, int maxAgeSeconds) {
    ctx.response().putHeader("ETag", body.etag()).putHeader("Cache-Control", "public, max-age=" + maxAgeSeconds)
        .putHeader("X-Content-Type-Options", "nosniff");
    if (body.matches(ctx.request().getHeader("If-None-Match"))) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response().putHeader("Content-Type", body.contentType()).end(io.vertx.core.buffer.Buffer.buffer(body.bytes()));
  }

  private static void unavailable(RoutingContext ctx, Throwable error) {
    log.warn("public status unavailable error={}", error.toString());
    ctx.response().putHeader("Retry-After", "15").putHeader("Cache-Control", "no-store");
    Responses.problem(ctx, 503, "unavailable", "the status is temporarily unavailable; try again shortly", null);
  }
}
