package io.quorate.coordinator.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver standing in for a team's endpoint: records every request, and can be told to
 * answer an error to the next N deliveries concerning one monitor.
 */
public final class RecordingWebhook implements AutoCloseable {
  public record Request(int answeredStatus, String deliveryHeader, JsonObject body) {
    public String event() {
      return body.getString("event");
    }

    /** The monitor the alert is about, or {@code region:<name>} for an alert about a probe region. */
    public String monitorId() {
      return about(body);
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final Map<String, Integer> failureStatus = new ConcurrentHashMap<>();
  private final HttpServer server;

  public RecordingWebhook() {
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
      JsonObject body = buffer.toJsonObject();
      String monitorId = about(body);
      AtomicInteger left = failuresLeft.get(monitorId);
      int status = left != null && left.getAndDecrement() > 0 ? failureStatus.get(monitorId) : 200;
      requests.add(new Request(status, request.getHeader("X-Quorate-Delivery"), body));
      request.response().setStatusCode(status).end();
    })).listen(0, "127.0.0.1").await();
  }

  private static String about(JsonObject body) {
    JsonObject incident = body.getJsonObject("incident");
    if (incident == null) {
      return "test"; // a test alert is about no incident
    }
    String monitorId = incident.getString("monitor_id");
    return monitorId != null ? monitorId : "region:" + body.getString("region");
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/hooks/quorate";
  }

  /** Answers {@code status} instead of 200 to the next {@code times} requests about the monitor. */
  public void failNext(String monitorId, int times, int status) {
    failureStatus.put(monitorId, status);
    failuresLeft.put(monitorId, new AtomicInteger(times));
  }

  /** Requests about one monitor, in arrival order. */
  public List<Request> requestsFor(String monitorId) {
    List<Request> matching = new ArrayList<>();
    for (Request request : requests) {
      if (request.monitorId().equals(monitorId)) {
        matching.add(request);
      }
    }
    return matching;
  }

  /** Accepted deliveries of one event about one monitor. */
  public List<Request> accepted(String monitorId, String event) {
    return requestsFor(monitorId).stream().filter(r -> r.answeredStatus() == 200 && r.event().equals(event)).toList();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
