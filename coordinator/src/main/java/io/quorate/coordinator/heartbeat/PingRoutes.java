package io.quorate.coordinator.heartbeat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.link.v1.HeartbeatPing;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|POST|HEAD /ping/<uuid>} on the coordinator itself, for workers that reach the coordinator
 * but no probe node. Answers 200 only after the ping is committed.
 */
public final class PingRoutes {
  private static final Logger log = LoggerFactory.getLogger(PingRoutes.class);
  static final String REGION = "coordinator";
  private static final int MAX_BODY_BYTES = 100 * 1024;
  private final PingIngest pings;
  private final Clock clock;
  private final MeterRegistry registry;

  public PingRoutes(PingIngest pings, Clock clock, MeterRegistry registry) {
    this.pings = pings;
    this.clock = clock;
    this.registry = registry;
  }

  public void mount(Router router) {
    router.route("/ping/:id").method(HttpMethod.GET).method(HttpMethod.POST).method(HttpMethod.HEAD)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::ping);
  }

  private void ping(RoutingContext ctx) {
    String body = ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
    HeartbeatPing ping = HeartbeatPing.newBuilder()
        .setPingId(ctx.pathParam("id"))
        .setReceivedAtMs(clock.millis())
        .setMethod(ctx.request().method().name())
        .setBody(body)
        .setUserAgent(nonNull(ctx.request().getHeader("User-Agent")))
        .setRemoteAddress(String.valueOf(ctx.request().remoteAddress()))
        .build();
    pings.ingest(UUID.randomUUID().toString(), REGION, ping)
        .onSuccess(result -> {
          if (result == PingIngest.Result.UNKNOWN_PING_ID) {
            ctx.response().setStatusCode(404).end("not found");
            return;
          }
          registry.counter("quorate_pings_total", "via", "coordinator").increment();
          ctx.response().setStatusCode(200).end("OK");
        })
        .onFailure(error -> {
          log.warn("ping not stored error={}", error.toString());
          ctx.response().setStatusCode(503).end("not stored, try again");
        });
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
