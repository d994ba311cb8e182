package io.quorate.coordinator.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A third party's HTTP endpoint on loopback (Slack, PagerDuty, Telegram, a team's webhook receiver): it
 * records every request with its exact body bytes and answers what the test scripts per path, else the
 * receiver's usual success answer.
 */
public final class RecordingHttpServer implements AutoCloseable {
  /** @param headers lower-case names */
  public record Request(String method, String path, Map<String, String> headers, Buffer body, int answeredStatus) {
    public JsonObject json() {
      return body.toJsonObject();
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A status of 0 never answers: the request hangs until the client gives up. */
  public record Answer(int status, String body) {}

  private final Vertx vertx = Vertx.vertx();
  private final Answer usual;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Answer> standing = new ConcurrentHashMap<>();
  private final HttpServer server;

  public RecordingHttpServer(int usualStatus, String usualBody) {
    this.usual = new Answer(usualStatus, usualBody);
    server = vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> answer(request, body)))
        .listen(0, "127.0.0.1").await();
  }

  private void answer(HttpServerRequest request, Buffer body) {
    Answer answer = next(request.path());
    Map<String, String> headers = new TreeMap<>();
    request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
    requests.add(new Request(request.method().name(), request.path(), Map.copyOf(headers), body, answer.status()));
    if (answer.status() != 0) {
      request.response().setStatusCode(answer.status()).end(answer.body());
    }
  }

  private Answer next(String path) {
    Deque<Answer> queue = scripted.get(path);
    synchronized (this) {
      if (queue != null && !queue.isEmpty()) {
        return queue.poll();
      }
    }
    return standing.getOrDefault(path, usual);
  }

  public String base() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public String url(String path) {
    return base() + path;
  }

  /** Answers {@code status} and {@code body} to the next {@code times} requests to the path. */
  public synchronized void answerNext(String path, int times, int status, String body) {
    Deque<Answer> queue = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(new Answer(status, body));
    }
  }

  /** Answers {@code status} and {@code body} to every request to the path from now on (after any scripted ones). */
  public void answerAlways(String path, int status, String body) {
    standing.put(path, new Answer(status, body));
  }

  public void answerAsUsual(String path) {
    standing.remove(path);
  }

  /** Requests to one path, in arrival order. */
  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
