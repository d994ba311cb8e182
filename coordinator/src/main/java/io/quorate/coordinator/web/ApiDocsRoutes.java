package io.quorate.coordinator.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * {@code /api/docs}: Swagger UI over {@code /api/v1/openapi.json}. Everything is served from the jar (the
 * {@code org.webjars:swagger-ui} files and a small page of our own), so the docs work offline and load nothing
 * from another origin.
 */
public final class ApiDocsRoutes {
  /** The webjar's version, as in the parent pom's {@code swagger-ui.version}. */
  static final String SWAGGER_UI_VERSION = "5.35.0";
  private static final String SWAGGER_UI_FILES = "META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION;

  private ApiDocsRoutes() {}

  public static void mount(Router router) {
    router.get("/api/docs").handler(ctx -> ctx.reroute("/api/docs/index.html"));
    // The webjar's own page and initializer would open the Petstore demo from petstore.swagger.io.
    router.get("/api/docs/swagger-ui/index.html").handler(ctx -> ctx.fail(404));
    router.get("/api/docs/swagger-ui/swagger-initializer.js").handler(ctx -> ctx.fail(404));
    router.route("/api/docs/swagger-ui/*").handler(StaticHandler.create(SWAGGER_UI_FILES).setMaxAgeSeconds(86_400));
    router.route("/api/docs/*").handler(StaticHandler.create("apidocs").setCachingEnabled(false));
  }
}
