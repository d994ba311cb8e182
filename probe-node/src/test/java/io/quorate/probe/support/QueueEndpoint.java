package io.quorate.probe.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SelfSignedCertificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue's status endpoint as a team would expose it, plus misbehaving variants. Records every request
 * (method, headers, body) by path.
 *
 * <ul>
 *   <li>{@code /queues/healthy}: {@code {"enqueued": 12}}; {@code /queues/backlog}: {@code {"enqueued": 5234}}
 *   <li>{@code /status/<code>}: answers that status, e.g. 401, 403, 500, 503
 *   <li>{@code /echo}: {@code {"enqueued": 1}} after reading the whole request body
 *   <li>{@code /hang}: never answers; {@code /slow}: answers after 300 ms
 *   <li>{@code /drip}: answers 200, then one byte every 100 ms, forever
 *   <li>{@code /huge}: 2 MiB in chunks without Content-Length; {@code /huge-declared}: with it;
 *       {@code /bytes/<n>}: n bytes with Content-Length
 *   <li>{@code /redirect/<status>?to=<location>}: redirects there; {@code /loop}: redirects to itself;
 *       {@code /chain/<n>}: n redirects ({@code /chain/<n-1>} ... {@code /chain/0}), then the healthy body
 * </ul>
 */
public final class QueueEndpoint implements AutoCloseable {
  private static final int TWO_MIB = 2 * 1024 * 1024;

  /** One request as the endpoint saw it. */
  public record Received(String method, MultiMap headers, String body) {
  }

  private final Vertx vertx;
  private final HttpServer server;
  private final boolean tls;
  private final Map<String, List<Received>> requests = new ConcurrentHashMap<>();
  private final AtomicInteger openHangs = new AtomicInteger();
  private final AtomicInteger maxOpenHangs = new AtomicInteger();
  private final AtomicInteger openSlow = new AtomicInteger();
  private final AtomicInteger maxOpenSlow = new AtomicInteger();

  private QueueEndpoint(Vertx vertx, boolean tls) {
    this.vertx = vertx;
    this.tls = tls;
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0);
    if (tls) {
      options.setSsl(true).setKeyCertOptions(SelfSignedCertificate.create("localhost").keyCertOptions());
    }
    this.server = vertx.createHttpServer(options);
  }

  public static QueueEndpoint start(Vertx vertx) {
    return start(vertx, false);
  }

  /** Over TLS with a self-signed certificate for {@code localhost}, which no trust store accepts. */
  public static QueueEndpoint startTls(Vertx vertx) {
    return start(vertx, true);
  }

  private static QueueEndpoint start(Vertx vertx, boolean tls) {
    QueueEndpoint endpoint = new QueueEndpoint(vertx, tls);
    endpoint.server.requestHandler(endpoint::handle).listen().await();
    return endpoint;
  }

  public String url(String path) {
    return url("127.0.0.1", path);
  }

  public String url(String host, String path) {
    return (tls ? "https://" : "http://") + host + ":" + server.actualPort() + path;
  }

  public int port() {
    return server.actualPort();
  }

  /** The headers of each request to {@code path}. */
  public List<MultiMap> requests(String path) {
    return received(path).stream().map(Received::headers).toList();
  }

  public List<Received> received(String path) {
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
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
    request.body().onSuccess(body -> {
      requests.computeIfAbsent(request.path(), p -> new CopyOnWriteArrayList<>())
          .add(new Received(request.method().name(), headers, body.toString()));
      if (request.path().equals("/echo")) {
        json(request, "{\"enqueued\": 1}");
      }
    });
    String path = request.path();
    switch (path) {
      case "/queues/healthy" -> json(request, "{\"enqueued\": 12, \"oldest_age_s\": 3}");
      case "/queues/backlog" -> json(request, "{\"enqueued\": 5234, \"oldest_age_s\": 900}");
      case "/echo" -> { } // answered once the body is in
      case "/hang" -> hang(request);
      case "/slow" -> slow(request);
      case "/drip" -> drip(request);
      case "/huge" -> huge(request, TWO_MIB, false);
      case "/huge-declared" -> huge(request, TWO_MIB, true);
      case "/loop" -> redirect(request, 302, "/loop");
      default -> parameterized(request, path);
    }
  }

  private void parameterized(HttpServerRequest request, String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (path.startsWith("/status/")) {
      request.response().setStatusCode(Integer.parseInt(last)).end("status " + last);
    } else if (path.startsWith("/bytes/")) {
      huge(request, Integer.parseInt(last), true);
    } else if (path.startsWith("/redirect/")) {
      redirect(request, Integer.parseInt(last), request.getParam("to"));
    } else if (path.startsWith("/chain/")) {
      int left = Integer.parseInt(last);
      if (left == 0) {
        json(request, "{\"enqueued\": 12}");
      } else {
        redirect(request, 302, "/chain/" + (left - 1));
      }
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  private static void redirect(HttpServerRequest request, int status, String location) {
    request.response().setStatusCode(status).putHeader("location", location).end("moved");
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

  private static void huge(HttpServerRequest request, int size, boolean declared) {
    if (declared) {
      request.response().putHeader("content-length", String.valueOf(size));
    } else {
      request.response().setChunked(true);
    }
    Buffer chunk = Buffer.buffer(new byte[Math.min(size, 64 * 1024)]);
    for (int sent = 0; sent < size && !request.response().closed(); sent += chunk.length()) {
      request.response().write(chunk.getBuffer(0, Math.min(chunk.length(), size - sent)));
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
