package io.quorate.probe.ping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.ping.PingBody;
import io.quorate.ping.PingKind;
import io.quorate.ping.PingPath;
import io.quorate.ping.PingPathException;
import io.quorate.ping.PingRateLimiter;
import io.quorate.ping.PingRequest;
import io.quorate.probe.link.Outbox;
import io.quorate.probe.link.OutboxFullException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's heartbeat, in every Healthchecks-compatible form ({@code /ping/<uuid>[/start|/fail|/log|/<exit
 * status>]}, {@code /ping/<ping key>/<slug>[/…]}, {@code ?rid=}; see {@link PingPath}). A ping for an
 * assigned heartbeat becomes a {@link HeartbeatPing} event and is answered {@code 200 OK} only once the
 * spool has fsynced it. 404 for a monitor this probe does not know, 400 for a malformed URL, 429 with
 * {@code Retry-After} past the per-monitor rate, 503 before the first assignments and when the spool is full.
 */
public final class PingRoutes {
  private static final Logger log = LoggerFactory.getLogger(PingRoutes.class);
  private static final int RATE_MAX_TARGETS = 100_000;

  private final HeartbeatTargets targets;
  private final Outbox outbox;
  private final PingsInFlight inFlight;
  private final Clock clock;
  private final int maxBodyBytes;
  private final PingRateLimiter limiter;
  private final Counter accepted;
  private final Counter unknown;
  private final Counter invalid;
  private final Counter limited;
  private final Counter refused;

  public PingRoutes(HeartbeatTargets targets, Outbox outbox, PingsInFlight inFlight, Clock clock, int maxBodyBytes,
      int ratePerSecond, MeterRegistry registry) {
    this.targets = targets;
    this.outbox = outbox;
    this.inFlight = inFlight;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
    this.limiter = new PingRateLimiter(ratePerSecond, 2 * ratePerSecond, RATE_MAX_TARGETS, clock);
    this.accepted = pings(registry, "accepted");
    this.unknown = pings(registry, "unknown");
    this.invalid = pings(registry, "invalid");
    this.limited = pings(registry, "rate_limited");
    this.refused = pings(registry, "refused");
  }

  private static Counter pings(MeterRegistry registry, String result) {
    return Counter.builder("quorate.probe.pings").tag("result", result)
        .description("Heartbeat pings received, by result").register(registry);
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
      (e.status() == 404 ? unknown : invalid).increment();
      answer(ctx, e.status(), e.getMessage());
      return;
    }
    PingPath path = parsed.path();
    String runId = parsed.runId();
    if (!targets.ready()) {
      refused.increment();
      answer(ctx, 503, "not ready: no assignments received from a coordinator yet, retry later");
      return;
    }
    String monitorId = targets.monitorFor(path.target()).orElse(null);
    if (monitorId == null) {
      unknown.increment();
      answer(ctx, 404, "not found");
      return;
    }
    if (!limiter.tryAcquire(path.target())) {
      limited.increment();
      ctx.response().putHeader("Retry-After", String.valueOf(limiter.retryAfterSeconds(path.target())));
      answer(ctx, 429, "rate limited: too many pings for this check, retry later");
      return;
    }
    readBody(ctx, path, runId, monitorId, receivedAt);
  }

  /** Keeps the first bytes up to the limit and counts the rest, so a long body is cut, not refused. */
  private void readBody(RoutingContext ctx, PingPath path, String runId, String monitorId, long receivedAt) {
    inFlight.arrived(receivedAt);
    Buffer body = Buffer.buffer();
    long[] received = {0};
    HttpServerRequest request = ctx.request();
    request.handler(chunk -> {
      received[0] += chunk.length();
      int room = maxBodyBytes - body.length();
      if (room > 0) {
        body.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
      }
    });
    request.exceptionHandler(error -> inFlight.done(receivedAt));
    request.endHandler(v -> {
      HeartbeatPing ping = toPing(request, path, runId, monitorId, receivedAt, body, received[0] > maxBodyBytes);
      store(ctx, ping);
      inFlight.done(receivedAt);
    });
  }

  private HeartbeatPing toPing(HttpServerRequest request, PingPath path, String runId, String monitorId,
      long receivedAt, Buffer body, boolean truncated) {
    byte[] bytes = body.getBytes();
    SocketAddress remote = request.remoteAddress();
    HeartbeatPing.Builder ping = HeartbeatPing.newBuilder()
        .setPingId(path.target())
        .setMonitorId(monitorId)
        .setReceivedAtMs(receivedAt)
        .setMethod(request.method().name())
        .setBody(PingBody.decode(bytes, bytes.length, maxBodyBytes))
        .setBodyTruncated(truncated)
        .setKind(kind(path.kind()))
        .setRunId(runId)
        .setUserAgent(nullToEmpty(request.getHeader(HttpHeaders.USER_AGENT)))
        .setRemoteAddress(remote == null ? "" : nullToEmpty(remote.hostAddress()));
    path.exitStatus().ifPresent(ping::setExitStatus);
    return ping.build();
  }

  private void store(RoutingContext ctx, HeartbeatPing ping) {
    outbox.offer(ping).onComplete(stored -> {
      if (stored.failed()) {
        refused.increment();
        boolean full = stored.cause() instanceof OutboxFullException;
        log.warn("ping refused monitor_id={} reason=\"{}\"", ping.getMonitorId(), stored.cause().getMessage());
        answer(ctx, 503, full ? "spool full, retry later" : "not stored, retry later");
        return;
      }
      accepted.increment();
      if (ping.getBodyTruncated()) {
        ctx.response().putHeader(PingBody.TRUNCATED_HEADER, String.valueOf(maxBodyBytes));
      }
      answer(ctx, 200, "OK");
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

  private static void answer(RoutingContext ctx, int status, String text) {
    if (ctx.response().closed()) {
      return;
    }
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
