package io.quorate.probe.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue's status endpoint as a team would expose it, plus misbehaving variants. Records the headers of
 * every request by path.
 *
 * <ul>
 *   <li>{@code /queues/healthy}: {@code {"enqueued": 12}}; {@code /queues/backlog}: {@code {"enqueued": 5234}}
 *   <li>{@code /status/503}: answers 503
 *   <li>{@code /hang}: never answers; {@code /slow}: answers after 300 ms
 *   <li>{@code /drip}: answers 200, then one byte every 100 ms, forever
 *   <li>{@code /huge}: 2 MiB in chunks without Content-Length; {@code /huge-declared}: with it
 * </ul>
 */
public final class QueueEndpoint implements AutoCloseable {
  private static final int TWO_MIB = 2 * 1024 * 1024;

  private final Vertx vertx;
  private final HttpServer server;
  private final Map<String, List<MultiMap>> requests = new ConcurrentHashMap<>();
  private final AtomicInteger openHangs = new AtomicInteger();
  private final AtomicInteger maxOpenHangs = new AtomicInteger();
  private final AtomicInteger openSlow = new AtomicInteger();
  private final AtomicInteger maxOpenSlow = new AtomicInteger();

  private QueueEndpoint(Vertx vertx) {
    this.vertx = vertx;
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
  }

  public static QueueEndpoint start(Vertx vertx) {
    QueueEndpoint endpoint = new QueueEndpoint(vertx);
    endpoint.server.requestHandler(endpoint::handle).listen().await();
    return endpoint;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  public List<MultiMap> requests(String path) {
    return List.copyOf(requests.getOrDefault(path, List.of()));
  }

  /** The most /hang requests that were open at the same time. */
  public int maxConcurrentHangs() {
    return maxOpenHangs.get();
  }

  /** The most /slow requests (answered after 300 ms) that were open at the same time. */
  public int maxConcurrentSlow() {
    return maxOpenSlow.get();
  }

  private void handle(HttpServerRequest request) {
    requests.computeIfAbsent(request.path(), p -> new CopyOnWriteArrayList<>()).add(MultiMap.caseInsensitiveMultiMap()
        .addAll(request.headers()));
    switch (request.path()) {
      case "/queues/healthy" -> json(request, "{\"enqueued\": 12, \"oldest_age_s\": 3}");
      case "/queues/backlog" -> json(request, "{\"enqueued\": 5234, \"oldest_age_s\": 900}");
      case "/status/503" -> request.response().setStatusCode(503).end("unavailable");
      case "/hang" -> hang(request);
      case "/slow" -> slow(request);
      case "/drip" -> drip(request);
      case "/huge" -> huge(request, false);
      case "/huge-declared" -> huge(request, true);
      default -> request.response().setStatusCode(404).end();
    }
  }

  private static void json(HttpServerRequest request, String body) {
    request.response().putHeader("content-type", "application/json").end(body);
  }

  private void hang(HttpServerRequest request) {
    maxOpenHangs.accumulateAndGet(openHangs.incrementAndGet(), Math::max);
    request.connection().closeHandler(v -> openHangs.decrementAndGet());
  }

  private void slow(HttpServerRequest request) {
    maxOpenSlow.accumulateAndGet(openSlow.incrementAndGet(), Math::max);
    vertx.setTimer(300, id -> {
      openSlow.decrementAndGet();
      json(request, "{\"enqueued\": 1}");
    });
  }

  private void drip(HttpServerRequest request) {
    request.response().setChunked(true).putHeader("content-type", "application/json").write("{\"enqueued\": ");
    long timer = vertx.setPeriodic(100, id -> request.response().write("1"));
    request.connection().closeHandler(v -> vertx.cancelTimer(timer));
  }

  private static void huge(HttpServerRequest request, boolean declared) {
    if (declared) {
      request.response().putHeader("content-length", String.valueOf(TWO_MIB));
    } else {
      request.response().setChunked(true);
    }
    Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
    for (int sent = 0; sent < TWO_MIB && !request.response().closed(); sent += chunk.length()) {
      request.response().write(chunk);
    }
    if (!request.response().closed()) {
      request.response().end();
    }
  }

  @Override
  public void close() {
    server.close().await();
  }
}
