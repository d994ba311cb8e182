package io.quorate.probe;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.link.v1.AssignmentChange;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.probe.check.CheckClients;
import io.quorate.probe.check.CheckScheduler;
import io.quorate.probe.check.HttpCheckRunner;
import io.quorate.probe.check.RunOnce;
import io.quorate.probe.link.Assignments;
import io.quorate.probe.link.LinkClient;
import io.quorate.probe.link.Outbox;
import io.quorate.probe.ping.HeartbeatTargets;
import io.quorate.probe.ping.PingRoutes;
import io.quorate.probe.target.AddressRules;
import io.quorate.probe.target.TargetGuard;
import io.quorate.probe.target.VertxHostResolver;
import io.quorate.probe.web.HealthRoutes;
import io.quorate.probe.web.MetricsRoutes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The probe node's parts, wired on one event loop: the outbox, the link, the check scheduler, the
 * heartbeat targets and the HTTP server. Running everything on one context is what lets the parts share
 * state without locks.
 */
final class ProbeVerticle extends VerticleBase {
  private static final int HTTP_IDLE_TIMEOUT_S = 60;

  private final ProbeConfig config;
  private final Clock clock;
  private final PrometheusMeterRegistry registry;
  private LinkClient link;
  private CheckScheduler scheduler;
  private CheckClients checkClients;
  private HttpServer server;
  private volatile int httpPort = -1;

  ProbeVerticle(ProbeConfig config, Clock clock, PrometheusMeterRegistry registry) {
    this.config = config;
    this.clock = clock;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    Outbox outbox = new Outbox(config.outboxCapacity(), registry);
    HeartbeatTargets heartbeats = new HeartbeatTargets();
    checkClients = new CheckClients(vertx, config.maxConcurrentChecks() + RunOnce.MAX_AT_ONCE);
    TargetGuard guard = new TargetGuard(AddressRules.allowing(config.allowedTargets()), new VertxHostResolver(vertx));
    HttpCheckRunner runner = new HttpCheckRunner(vertx, checkClients, guard, clock, config.region(), config.version());
    scheduler = new CheckScheduler(vertx, clock, config.maxConcurrentChecks(), runner, outbox::add, registry);
    link = new LinkClient(vertx, config, outbox, assignments(scheduler, heartbeats),
        new RunOnce(runner, clock, config.region()), registry, new SecureRandom());

    Router router = Router.router(vertx);
    new PingRoutes(heartbeats, outbox, clock, config.maxPingBodyBytes(), registry).mount(router);
    new HealthRoutes(config, link, scheduler, heartbeats, outbox).mount(router);
    new MetricsRoutes(registry).mount(router);
    return vertx.createHttpServer(new HttpServerOptions().setHost(config.httpHost()).setPort(config.httpPort())
            .setIdleTimeout(HTTP_IDLE_TIMEOUT_S))
        .requestHandler(router)
        .listen()
        .onSuccess(listening -> {
          server = listening;
          httpPort = listening.actualPort();
          link.start();
        })
        .onFailure(error -> stop());
  }

  @Override
  public Future<?> stop() {
    if (scheduler != null) {
      scheduler.close();
    }
    List<Future<?>> closing = new ArrayList<>();
    if (link != null) {
      closing.add(link.close());
    }
    if (server != null) {
      closing.add(server.close());
    }
    if (checkClients != null) {
      closing.add(checkClients.close());
    }
    return Future.join(closing).onComplete(done -> removeMeters());
  }

  int httpPort() {
    return httpPort;
  }

  boolean linkConnected() {
    return link != null && link.connected();
  }

  /** One registry per node: this node's series go when it closes, so a later node starts clean. */
  private void removeMeters() {
    for (Meter meter : List.copyOf(registry.getMeters())) {
      if (meter.getId().getName().startsWith("quorate.probe.")) {
        registry.remove(meter);
      }
    }
  }

  private static Assignments assignments(CheckScheduler scheduler, HeartbeatTargets heartbeats) {
    return new Assignments() {
      @Override
      public void replace(AssignmentSnapshot snapshot) {
        scheduler.replaceAll(snapshot.getChecksList());
        heartbeats.replaceAll(snapshot.getHeartbeatsList());
      }

      @Override
      public void apply(AssignmentChange change) {
        change.getUpsertedChecksList().forEach(scheduler::upsert);
        change.getUpsertedHeartbeatsList().forEach(heartbeats::upsert);
        for (String monitorId : change.getRemovedMonitorIdsList()) {
          scheduler.remove(monitorId);
          heartbeats.remove(monitorId);
        }
      }
    };
  }
}
