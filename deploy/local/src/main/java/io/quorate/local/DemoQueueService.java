package io.quorate.local;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A stand-in for a team's job queue: {@code GET /queues/receipts} reports a healthy queue, except to the
 * probes of the regions marked failing (told apart by the {@code X-Quorate-Region} header they send),
 * which see a backlog that breaks the sample monitor's condition. {@code POST /fail?regions=a,b} sets which
 * regions fail, {@code POST /recover} clears them, and {@code GET /} is a control page doing the same.
 */
public final class DemoQueueService {
  static final String REGION_HEADER = "X-Quorate-Region";
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");

  private final HttpServer server;
  private final List<String> regions;
  private final Console console;
  private final AtomicReference<Set<String>> failing = new AtomicReference<>(Set.of());

  private DemoQueueService(HttpServer server, List<String> regions, Console console) {
    this.server = server;
    this.regions = List.copyOf(regions);
    this.console = console;
  }

  /** Listens on {@code port} (0 = any free port); fails if the port is taken. */
  public static Future<DemoQueueService> start(Vertx vertx, String host, int port, List<String> regions, Console console) {
    Router router = Router.router(vertx);
    HttpServer server = vertx.createHttpServer();
    DemoQueueService service = new DemoQueueService(server, regions, console);
    router.get("/queues/receipts").handler(service::queue);
    router.post().handler(BodyHandler.create(false).setBodyLimit(16 * 1024));
    router.post("/fail").handler(service::fail);
    router.post("/recover").handler(ctx -> service.apply(ctx, Set.of()));
    router.get("/state").handler(ctx -> ctx.json(service.state()));
    router.get("/").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(DemoQueuePage.render(service.regions, service.failingRegions(), port(server, port))));
    return server.requestHandler(router).listen(port, host).map(s -> service);
  }

  public int port() {
    return server.actualPort();
  }

  public Set<String> failingRegions() {
    return failing.get();
  }

  public Future<Void> close() {
    return server.close();
  }

  private void queue(RoutingContext ctx) {
    String region = ctx.request().getHeader(REGION_HEADER);
    if (region == null) {
      region = ctx.request().getParam("region"); // lets a person try it with curl or a browser
    }
    boolean backlog = region != null && failing.get().contains(region);
    ctx.json(new JsonObject()
        .put("queue", "receipts")
        .put("enqueued", backlog ? 5234 : 12)
        .put("oldest_age_s", backlog ? 1080 : 3)
        .put("dead", 0));
  }

  private void fail(RoutingContext ctx) {
    Set<String> chosen = new TreeSet<>();
    List<String> values = new ArrayList<>(ctx.queryParam("regions"));
    values.addAll(ctx.request().formAttributes().getAll("regions"));
    for (String value : values) {
      for (String region : value.split(",")) {
        String name = region.trim();
        if (name.isEmpty()) {
          continue;
        }
        if (!REGION.matcher(name).matches()) {
          ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
              .end(new JsonObject().put("error", "bad_request")
                  .put("message", "regions: '" + name + "' is not a region name ([a-z0-9-]{1,40})")
                  .put("field", "regions").encode());
          return;
        }
        chosen.add(name);
      }
    }
    apply(ctx, chosen);
  }

  /** Replaces the set of failing regions; a browser form goes back to the control page, curl gets JSON. */
  private void apply(RoutingContext ctx, Set<String> chosen) {
    Set<String> now = Set.copyOf(new TreeSet<>(chosen));
    failing.set(now);
    console.line("demo-queue", now.isEmpty()
        ? "all regions healthy again"
        : "regions now seeing a backlog: " + String.join(", ", new TreeSet<>(now)));
    String accept = ctx.request().getHeader("Accept");
    if (accept != null && accept.contains("text/html")) {
      ctx.response().setStatusCode(303).putHeader("Location", "/").end();
    } else {
      ctx.json(state());
    }
  }

  private JsonObject state() {
    return new JsonObject()
        .put("regions", new JsonArray(regions))
        .put("failing", new JsonArray(List.copyOf(new TreeSet<>(failing.get()))));
  }

  private static int port(HttpServer server, int configured) {
    return server.actualPort() > 0 ? server.actualPort() : configured;
  }
}
