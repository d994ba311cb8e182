package io.quorate.local;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A webhook receiver for the local stack: records every {@code POST /hook} (or {@code POST /}), prints
 * {@code [webhook] <event> <text>}, and lists what it got at {@code GET /} (HTML) and
 * {@code GET /deliveries} (JSON, newest first). A repeat of a delivery id (a retry) is recorded and marked.
 */
public final class WebhookSink {
  static final int KEPT = 500;
  static final String DELIVERY_HEADER = "X-Quorate-Delivery";

  /** One request the sink received; {@code body} is null when it was not a JSON object. */
  public record Delivery(Instant receivedAt, String deliveryId, String event, String text, boolean repeat,
      JsonObject body) {
    JsonObject toJson() {
      return new JsonObject()
          .put("received_at", receivedAt.toString())
          .put("delivery_id", deliveryId)
          .put("event", event)
          .put("text", text)
          .put("repeat", repeat)
          .put("body", body);
    }
  }

  private final HttpServer server;
  private final Console console;
  private final Clock clock;
  private final Deque<Delivery> deliveries = new ConcurrentLinkedDeque<>();

  private WebhookSink(HttpServer server, Console console, Clock clock) {
    this.server = server;
    this.console = console;
    this.clock = clock;
  }

  /** Listens on {@code port} (0 = any free port); fails if the port is taken. */
  public static Future<WebhookSink> start(Vertx vertx, String host, int port, Console console, Clock clock) {
    HttpServer server = vertx.createHttpServer();
    WebhookSink sink = new WebhookSink(server, console, clock);
    Router router = Router.router(vertx);
    router.post().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
    router.post("/hook").handler(sink::receive);
    router.post("/").handler(sink::receive);
    router.get("/deliveries").handler(ctx -> ctx.json(new JsonObject().put("deliveries",
        new JsonArray(sink.deliveries().stream().map(Delivery::toJson).toList()))));
    router.get("/").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(WebhookSinkPage.render(sink.deliveries())));
    return server.requestHandler(router).listen(port, host).map(s -> sink);
  }

  public int port() {
    return server.actualPort();
  }

  /** The URL to register as a webhook channel. */
  public String url() {
    return "http://127.0.0.1:" + port() + "/hook";
  }

  /** What was received, newest first. */
  public List<Delivery> deliveries() {
    return new ArrayList<>(deliveries);
  }

  public Future<Void> close() {
    return server.close();
  }

  private void receive(RoutingContext ctx) {
    String id = ctx.request().getHeader(DELIVERY_HEADER);
    JsonObject body = null;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      // Recorded below as not JSON: seeing a malformed delivery is the point of a sink.
    }
    if (id == null && body != null) {
      id = body.getString("delivery_id");
    }
    String deliveryId = id;
    boolean repeat = deliveryId != null && deliveries.stream().anyMatch(d -> deliveryId.equals(d.deliveryId()));
    String event = body == null ? "(not a JSON object)" : field(body, "event", "(no event)");
    String text = body == null ? abbreviate(ctx.body().asString()) : field(body, "text", "");
    deliveries.addFirst(new Delivery(clock.instant(), deliveryId, event, text, repeat, body));
    while (deliveries.size() > KEPT) {
      deliveries.pollLast();
    }
    console.line("webhook", event + " " + text + (repeat ? " (repeat of delivery " + deliveryId + ")" : ""));
    ctx.response().setStatusCode(body == null ? 400 : 204).end();
  }

  private static String field(JsonObject body, String key, String absent) {
    Object value = body.getValue(key);
    return value == null ? absent : value.toString();
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
