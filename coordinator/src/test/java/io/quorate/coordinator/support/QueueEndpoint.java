package io.quorate.coordinator.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An application's queue-depth endpoint, {@code GET /queues/<name>}: a healthy backlog normally, a
 * 5234-job backlog for the regions told to fail (read from the probe's {@code X-Quorate-Region}).
 * Records the headers each region sent.
 */
public final class QueueEndpoint implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final Map<String, Set<String>> failingRegions = new ConcurrentHashMap<>();
  private final List<Map<String, String>> seenHeaders = new CopyOnWriteArrayList<>();
  private final Map<String, java.util.concurrent.atomic.AtomicLong> requests = new ConcurrentHashMap<>();
  private final HttpServer server;

  public QueueEndpoint() {
    server = vertx.createHttpServer().requestHandler(request -> {
      String queue = request.path().replaceFirst("^/queues/", "");
      String region = request.getHeader("X-Quorate-Region");
      requests.computeIfAbsent(queue, q -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
      seenHeaders.add(Map.of("queue", queue, "region", String.valueOf(region),
          "user-agent", String.valueOf(request.getHeader("User-Agent")),
          "authorization", String.valueOf(request.getHeader("Authorization"))));
      boolean failing = failingRegions.getOrDefault(queue, Set.of()).contains(region);
      request.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("queue", queue).put("enqueued", failing ? 5234 : 12).put("oldest_age_s", 3).encode());
    }).listen(0, "127.0.0.1").await();
  }

  public String url(String queue) {
    return "http://127.0.0.1:" + server.actualPort() + "/queues/" + queue;
  }

  public void fail(String queue, String... regions) {
    failingRegions.put(queue, Set.of(regions));
  }

  public void recover(String queue) {
    failingRegions.remove(queue);
  }

  public long requestCount(String queue) {
    var count = requests.get(queue);
    return count == null ? 0 : count.get();
  }

  public List<Map<String, String>> seenHeaders() {
    return seenHeaders;
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
