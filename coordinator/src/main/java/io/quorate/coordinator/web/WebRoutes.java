package io.quorate.coordinator.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** The pages from the web-ui jar, plus {@code /metrics}. {@code /status} is rendered by {@code PublicStatusRoutes}. */
public final class WebRoutes {
  private WebRoutes() {}

  public static void mount(Router router, PrometheusMeterRegistry registry) {
    router.get("/").handler(ctx -> ctx.redirect("/app"));
    router.get("/app").handler(ctx -> ctx.reroute("/pages/app.html"));
    router.route("/pages/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    router.route("/assets/*").handler(StaticHandler.create("webroot/assets").setMaxAgeSeconds(300));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape()));
  }
}
