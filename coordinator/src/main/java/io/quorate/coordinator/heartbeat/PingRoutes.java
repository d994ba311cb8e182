package io.quorate.coordinator.heartbeat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.ping.PingBody;
import io.quorate.ping.PingKind;
import io.quorate.ping.PingPath;
import io.quorate.ping.PingPathException;
import io.quorate.ping.PingRateLimiter;
import io.quorate.ping.PingRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ping endpoint on the coordinator itself, for workers that reach the coordinator but no probe node:
 * the same forms and answers as a probe's ({@code /ping/<uuid>[/start|/fail|/log|/<exit status>]},
 * {@code /ping/<ping key>/<slug>[/…]}, {@code ?rid=}). Answers 200 only after the ping is committed.
 */
public final class PingRoutes {
  private static final Logger log = LoggerFactory.getLogger(PingRoutes.class);
  /** The region recorded for pings received here. */
  public static final String REGION = "coordinator";
  private static final int RATE_PER_SECOND = 60;
  private static final int RATE_BURST = 120;
  private static final int RATE_MAX_TARGETS = 100_000;
  private final PingIngest pings;
  private final Clock clock;
  private final String nodeId;
  private final MeterRegistry registry;
  private final PingRateLimiter limiter;

  public PingRoutes(PingIngest pings, Clock clock, String nodeId, MeterRegistry registry) {
    this.pings = pings;
    this.clock = clock;
    this.nodeId = nodeId;
    this.registry = registry;
    this.limiter = new PingRateLimiter(RATE_PER_SECOND, RATE_BURST, RATE_MAX_TARGETS, clock);
  }

  public void mount(Router router) {
    router.routeWithRegex("/ping/.+").method(HttpMethod.GET).method(HttpMethod.POST).method(HttpMethod.HEAD)
        .handler(this::ping);
  }

  private void ping(RoutingContext ctx) {
    long receivedAt = clock.millis();
    HttpServerRequest request = ctx.request();
    PingRequest parsed;
    try {
      parsed = PingRequest.parse(request.path(), request.getParam("rid"));
    } catch (PingPathException e) {
      answer(ctx, e.status(), e.getMessage(), "invalid");
      return;
    }
    PingPath path = parsed.path();
    String runId = parsed.runId();
    if (!limiter.tryAcquire(path.target())) {
      ctx.response().putHeader("Retry-After", String.valueOf(limiter.retryAfterSeconds(path.target())));
      answer(ctx, 429, "rate limited: too many pings for this check, retry later", "rate_limited");
      return;
    }
    // Keeps the first bytes up to the limit and counts the rest, so a long body is cut, not refused.
    Buffer body = Buffer.buffer();
    long[] received = {0};
    request.handler(chunk -> {
      received[0] += chunk.length();
      int room = PingBody.DEFAULT_LIMIT_BYTES - body.length();
      if (room > 0) {
        body.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
      }
    });
    request.endHandler(v -> store(ctx, path, runId, receivedAt, body, received[0] > PingBody.DEFAULT_LIMIT_BYTES));
  }

  private void store(RoutingContext ctx, PingPath path, String runId, long receivedAt, Buffer body, boolean truncated) {
    byte[] bytes = body.getBytes();
    String text = PingBody.decode(bytes, bytes.length, PingBody.DEFAULT_LIMIT_BYTES);
    HttpServerRequest request = ctx.request();
    HeartbeatPing.Builder ping = HeartbeatPing.newBuilder()
        .setPingId(path.target())
        .setReceivedAtMs(receivedAt)
        .setMethod(request.method().name())
        .setBody(text)
        .setBodyTruncated(truncated)
        .setKind(kind(path.kind()))
        .setRunId(runId)
        .setUserAgent(nonNull(request.getHeader("User-Agent")))
        .setRemoteAddress(request.remoteAddress() == null ? "" : nonNull(request.remoteAddress().hostAddress()));
    path.exitStatus().ifPresent(ping::setExitStatus);
    pings.ingest(new IncomingPing(UUID.randomUUID().toString(), REGION, nodeId, ping.build()))
        .onSuccess(result -> {
          if (result == PingIngest.Result.UNKNOWN_MONITOR) {
            answer(ctx, 404, "not found", "unknown");
            return;
          }
          if (truncated) {
            ctx.response().putHeader(PingBody.TRUNCATED_HEADER, String.valueOf(PingBody.DEFAULT_LIMIT_BYTES));
          }
          registry.counter("quorate_pings_total", "via", "coordinator").increment();
          answer(ctx, 200, "OK", "accepted");
        })
        .onFailure(error -> {
          log.warn("ping not stored target_kind={} error={}", path.uuid().isPresent() ? "uuid" : "slug", error.toString());
          answer(ctx, 503, "not stored, retry later", "refused");
        });
  }

  static io.quorate.link.v1.PingKind kind(PingKind kind) {
    return switch (kind) {
      case SUCCESS -> io.quorate.link.v1.PingKind.PING_KIND_SUCCESS;
      case START -> io.quorate.link.v1.PingKind.PING_KIND_START;
      case FAIL -> io.quorate.link.v1.PingKind.PING_KIND_FAIL;
      case LOG -> io.quorate.link.v1.PingKind.PING_KIND_LOG;
    };
  }

  private void answer(RoutingContext ctx, int status, String text, String result) {
    registry.counter("quorate_coordinator_ping_answers_total", "result", result).increment();
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8");
    if (ctx.request().method() == HttpMethod.HEAD) {
      ctx.response().end();
    } else {
      ctx.response().end(text);
    }
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
