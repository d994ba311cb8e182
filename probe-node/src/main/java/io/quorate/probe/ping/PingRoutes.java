package io.quorate.probe.ping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.probe.link.Outbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|POST|HEAD /ping/<ping id>}: a worker's heartbeat. A known id becomes a {@link HeartbeatPing}
 * event in the outbox and answers {@code 200 OK}; an unknown one answers 404. Before the first assignment
 * snapshot, and when the outbox is full of pings, the answer is 503 so the worker retries.
 */
public final class PingRoutes {
  private static final Logger log = LoggerFactory.getLogger(PingRoutes.class);

  private final HeartbeatTargets targets;
  private final Outbox outbox;
  private final Clock clock;
  private final int maxBodyBytes;
  private final Counter accepted;
  private final Counter unknown;
  private final Counter refused;

  public PingRoutes(HeartbeatTargets targets, Outbox outbox, Clock clock, int maxBodyBytes, MeterRegistry registry) {
    this.targets = targets;
    this.outbox = outbox;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
    this.accepted = pings(registry, "accepted");
    this.unknown = pings(registry, "unknown");
    this.refused = pings(registry, "refused");
  }

  private static Counter pings(MeterRegistry registry, String result) {
    return Counter.builder("quorate.probe.pings").tag("result", result)
        .description("Heartbeat pings received, by result").register(registry);
  }

  public void mount(Router router) {
    router.route("/ping/:pingId").method(HttpMethod.GET).method(HttpMethod.POST).method(HttpMethod.HEAD)
        .handler(this::ping);
  }

  private void ping(RoutingContext ctx) {
    long receivedAt = clock.millis();
    String pingId = ctx.pathParam("pingId");
    if (!targets.ready()) {
      refused.increment();
      answer(ctx, 503, "not ready: no assignments received from a coordinator yet");
      return;
    }
    if (targets.monitorFor(pingId).isEmpty()) {
      unknown.increment();
      answer(ctx, 404, "not found");
      return;
    }
    HttpServerRequest request = ctx.request();
    Buffer body = Buffer.buffer();
    request.handler(chunk -> {
      int room = maxBodyBytes - body.length();
      if (room > 0) {
        body.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
      }
    });
    request.endHandler(v -> enqueue(ctx, pingId, receivedAt, body));
  }

  private void enqueue(RoutingContext ctx, String pingId, long receivedAt, Buffer body) {
    HttpServerRequest request = ctx.request();
    SocketAddress remote = request.remoteAddress();
    HeartbeatPing ping = HeartbeatPing.newBuilder()
        .setPingId(pingId)
        .setReceivedAtMs(receivedAt)
        .setMethod(request.method().name())
        .setBody(body.toString(StandardCharsets.UTF_8))
        .setUserAgent(nullToEmpty(request.getHeader(HttpHeaders.USER_AGENT)))
        .setRemoteAddress(remote == null ? "" : nullToEmpty(remote.hostAddress()))
        .build();
    if (!outbox.offer(ping)) {
      refused.increment();
      log.warn("ping refused ping_id={} reason=\"outbox full of unacknowledged pings\"", pingId);
      answer(ctx, 503, "outbox full, retry later");
      return;
    }
    accepted.increment();
    log.debug("ping accepted ping_id={} method={} body_bytes={}", pingId, ping.getMethod(), body.length());
    answer(ctx, 200, "OK");
  }

  private static void answer(RoutingContext ctx, int status, String text) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8");
    if (ctx.request().method() == HttpMethod.HEAD) {
      ctx.response().end();
    } else {
      ctx.response().end(text);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
