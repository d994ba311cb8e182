package io.quorate.coordinator.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A notification receiver (a team's webhook, PagerDuty's Events API) that can take its time: it records every
 * request the moment it has arrived whole, holds the answer for a set time, then answers 200, unless the
 * sender hung up first (its process died). Each request is known by the key a real receiver drops repeats by:
 * the webhook's {@code Idempotency-Key}, PagerDuty's dedup key and action.
 */
public final class HoldingReceiver implements AutoCloseable {
  /** What became of a request. */
  public enum Fate { HELD, ANSWERED, SENDER_HUNG_UP }

  /** One request: its idempotency key, the incident and event it is about, when it arrived and its fate. */
  public static final class Arrival {
    private final String key;
    private final String incidentId;
    private final String event;
    private final Instant arrivedAt;
    private volatile Fate fate = Fate.HELD;
    private volatile Instant answeredAt;

    Arrival(String key, String incidentId, String event, Instant arrivedAt) {
      this.key = key;
      this.incidentId = incidentId;
      this.event = event;
      this.arrivedAt = arrivedAt;
    }

    public String key() {
      return key;
    }

    public String incidentId() {
      return incidentId;
    }

    public String event() {
      return event;
    }

    public Instant arrivedAt() {
      return arrivedAt;
    }

    public Fate fate() {
      return fate;
    }

    /** When the 200 went out; null unless answered. */
    public Instant answeredAt() {
      return answeredAt;
    }

    @Override
    public String toString() {
      return event + " " + key + " arrived " + arrivedAt + " " + fate + (answeredAt == null ? "" : " at " + answeredAt);
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  private final BiFunction<HttpServerRequest, JsonObject, Arrival> reader;
  private final HttpServer server;
  private volatile Duration hold = Duration.ZERO;

  private HoldingReceiver(BiFunction<HttpServerRequest, JsonObject, Arrival> reader) {
    this.reader = reader;
    server = vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> receive(request, body)))
        .listen(0, "127.0.0.1").await();
  }

  /** A webhook receiver: key {@code Idempotency-Key}, event and incident from the JSON body. */
  public static HoldingReceiver webhook() {
    return new HoldingReceiver((request, body) -> new Arrival(request.getHeader("Idempotency-Key"),
        body.getJsonObject("incident").getString("id"), body.getString("event"), Instant.now()));
  }

  /** PagerDuty's Events API v2: key and incident are the dedup key, the event is the action (trigger, resolve). */
  public static HoldingReceiver pagerDuty() {
    return new HoldingReceiver((request, body) -> new Arrival(
        body.getString("dedup_key") + "/" + body.getString("event_action"), body.getString("dedup_key"),
        body.getString("event_action"), Instant.now()));
  }

  private void receive(HttpServerRequest request, Buffer body) {
    Arrival arrival = reader.apply(request, body.toJsonObject());
    arrivals.add(arrival);
    request.response().closeHandler(closed -> {
      if (arrival.fate == Fate.HELD) {
        arrival.fate = Fate.SENDER_HUNG_UP;
      }
    });
    long holdMs = hold.toMillis();
    if (holdMs <= 0) {
      answer(request, arrival);
    } else {
      vertx.setTimer(holdMs, id -> answer(request, arrival));
    }
  }

  private static void answer(HttpServerRequest request, Arrival arrival) {
    if (arrival.fate != Fate.HELD || request.response().closed()) {
      return;
    }
    arrival.answeredAt = Instant.now();
    arrival.fate = Fate.ANSWERED;
    request.response().setStatusCode(200).end("{\"status\":\"success\"}");
  }

  /** Holds every answer from now on for this long (zero: answers at once). */
  public void hold(Duration duration) {
    this.hold = duration;
  }

  public String base() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  /** Requests about one event of one incident (e.g. "incident.opened", "trigger"), in arrival order. */
  public List<Arrival> about(String incidentId, String event) {
    return arrivals.stream().filter(a -> a.incidentId().equals(incidentId) && a.event().equals(event)).toList();
  }

  /** Requests about one event, by idempotency key, each key's in arrival order. */
  public Map<String, List<Arrival>> byKey(String event) {
    return arrivals.stream().filter(a -> a.event().equals(event)).collect(Collectors.groupingBy(Arrival::key));
  }

  public long held() {
    return arrivals.stream().filter(a -> a.fate() == Fate.HELD).count();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
