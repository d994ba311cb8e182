package io.quorate.bench.coordinator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The team's webhook endpoint: a real HTTP server on loopback that answers 200 to every delivery and notes
 * when the first {@code incident.opened} for each monitor arrived (on this JVM's monotonic clock, the one
 * the load generator stamps its sends with), and the decision time the coordinator wrote into it.
 */
final class WebhookRecorder {
  /** One incident's notification: when it arrived here, and the incident's {@code opened_at}. */
  record Arrival(long nanos, Instant openedAt) {
  }

  private final ConcurrentMap<String, CompletableFuture<Arrival>> opened = new ConcurrentHashMap<>();
  private final AtomicLong deliveries = new AtomicLong();
  private final AtomicLong repeats = new AtomicLong();
  private HttpServer server;

  Future<Integer> start(Vertx vertx) {
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(this::handle).listen()
        .map(started -> {
          server = started;
          return started.actualPort();
        });
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/hooks/quorate";
  }

  private void handle(HttpServerRequest request) {
    long arrived = System.nanoTime();
    request.body().onComplete(body -> {
      request.response().end();
      if (body.failed()) {
        return;
      }
      deliveries.incrementAndGet();
      try {
        JsonObject payload = body.result().toJsonObject();
        if ("incident.opened".equals(payload.getString("event"))) {
          JsonObject incident = payload.getJsonObject("incident");
          Arrival arrival = new Arrival(arrived, Instant.parse(incident.getString("opened_at")));
          if (!waiter(incident.getString("monitor_id")).complete(arrival)) {
            repeats.incrementAndGet();
          }
        }
      } catch (DecodeException | ClassCastException | NullPointerException | java.time.DateTimeException e) {
        // not a Quorate payload: counted as a delivery, nothing to time
      }
    });
  }

  /** Completes with the first incident.opened delivery for the monitor, whether it came before or after. */
  CompletableFuture<Arrival> opened(String monitorId) {
    return waiter(monitorId);
  }

  private CompletableFuture<Arrival> waiter(String monitorId) {
    return opened.computeIfAbsent(monitorId, id -> new CompletableFuture<>());
  }

  long deliveries() {
    return deliveries.get();
  }

  /** incident.opened deliveries for a monitor that already had one: a resend, or a second incident. */
  long repeats() {
    return repeats.get();
  }
}
