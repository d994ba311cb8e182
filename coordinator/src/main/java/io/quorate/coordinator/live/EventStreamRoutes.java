package io.quorate.coordinator.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events}: the team events as Server-Sent Events, for as long as the client stays. Each
 * event has an id (this node's sequence) and its type as the SSE event name; a comment every
 * {@link #HEARTBEAT} keeps proxies from closing an idle stream, and {@code retry} tells the browser how
 * soon to reconnect. Nothing is replayed after a reconnect: a page reads its data again when the stream
 * (re)opens, so it never misses a change.
 */
public final class EventStreamRoutes {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  static final Duration RETRY = Duration.ofSeconds(3);
  private static final Logger log = LoggerFactory.getLogger(EventStreamRoutes.class);
  private final Vertx vertx;
  private final TeamEvents events;
  private final AtomicLong sequence = new AtomicLong();

  public EventStreamRoutes(Vertx vertx, TeamEvents events) {
    this.vertx = vertx;
    this.events = events;
  }

  public void mount(Router api) {
    api.get("/events").handler(this::stream);
  }

  private void stream(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        // nginx buffers responses unless told not to; a buffered event stream is not live.
        .putHeader("X-Accel-Buffering", "no");
    send(response, "retry: " + RETRY.toMillis() + "\n: connected\n\n");
    Runnable stopListening = events.listen(event -> send(response, "id: " + sequence.incrementAndGet()
        + "\nevent: " + event.type() + "\ndata: " + event.toJson().encode() + "\n\n"));
    long heartbeat = vertx.setPeriodic(HEARTBEAT.toMillis(), id -> send(response, ": heartbeat\n\n"));
    response.closeHandler(closed -> {
      stopListening.run();
      vertx.cancelTimer(heartbeat);
      log.debug("event stream closed remote={}", ctx.request().remoteAddress());
    });
  }

  /**
   * Writes unless the client is gone (its close handler may not have run yet) or reads too slowly: a client
   * whose write queue is full misses events rather than growing this node's memory; it reads everything again
   * when it reconnects.
   */
  private static void send(HttpServerResponse response, String text) {
    if (response.closed() || response.ended() || response.writeQueueFull()) {
      return;
    }
    response.write(text);
  }
}
