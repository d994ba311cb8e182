package io.quorate.probe;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.link.v1.AssignmentChange;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.HeartbeatTarget;
import io.quorate.link.v1.ProbeHealth;
import io.quorate.probe.check.CheckClients;
import io.quorate.probe.check.CheckScheduler;
import io.quorate.probe.check.HttpCheckRunner;
import io.quorate.probe.check.RunOnce;
import io.quorate.probe.health.CanaryCheck;
import io.quorate.probe.health.ConnectivityWatch;
import io.quorate.probe.link.Assignments;
import io.quorate.probe.link.LinkClient;
import io.quorate.probe.link.Outbox;
import io.quorate.probe.link.OutboxDrain;
import io.quorate.probe.ping.HeartbeatTargets;
import io.quorate.probe.ping.KnownTargetsFile;
import io.quorate.probe.ping.PingRoutes;
import io.quorate.probe.ping.PingsInFlight;
import io.quorate.probe.spool.NodeIdFile;
import io.quorate.probe.spool.Spool;
import io.quorate.probe.target.AddressRules;
import io.quorate.probe.target.TargetGuard;
import io.quorate.probe.target.VertxHostResolver;
import io.quorate.probe.web.HealthRoutes;
import io.quorate.probe.web.MetricsRoutes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe node's parts, wired on one event loop: the spool and outbox, the link, the check scheduler, the
 * heartbeat targets and the HTTP server. Running everything on one context is what lets the parts share
 * state without locks.
 */
final class ProbeVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ProbeVerticle.class);
  private static final int HTTP_IDLE_TIMEOUT_S = 60;

  private final ProbeConfig config;
  private final Clock clock;
  private final PrometheusMeterRegistry registry;
  private LinkClient link;
  private CheckScheduler scheduler;
  private CanaryCheck canary;
  private CheckClients checkClients;
  private HttpServer server;
  private Spool spool;
  private Outbox outbox;
  private PingsInFlight pingsInFlight;
  /** Set when a graceful shutdown begins: pings are refused with 503 and new assignments are ignored. */
  private volatile boolean stopping;
  private final HeartbeatTargets heartbeats = new HeartbeatTargets();
  private long saveTargets = -1;
  private boolean savingTargets;
  /** How often changed heartbeat targets are written next to the spool, for a restart without a coordinator. */
  private static final long SAVE_TARGETS_EVERY_MS = 1000;
  private volatile int httpPort = -1;

  ProbeVerticle(ProbeConfig config, Clock clock, PrometheusMeterRegistry registry) {
    this.config = config;
    this.clock = clock;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(this::openSpool).compose(this::startWith);
  }

  /** Blocking: recovers the spool left by an earlier run, and records this node's id next to it. */
  private Spool openSpool() throws IOException {
    Spool opened = Spool.open(config.spoolDir(), config.spoolMaxBytes(),
        Spool.segmentBytesFor(config.spoolMaxBytes()));
    try {
      NodeIdFile.write(config.spoolDir(), config.nodeId());
      KnownTargetsFile.load(config.spoolDir()).ifPresent(heartbeats::replaceAll);
    } catch (IOException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  private Future<?> startWith(Spool opened) {
    spool = opened;
    outbox = new Outbox(config.outboxCapacity(), spool, context, registry);
    pingsInFlight = new PingsInFlight();
    heartbeats.takeChanges();
    saveTargets = vertx.setPeriodic(SAVE_TARGETS_EVERY_MS, id -> saveChangedTargets());
    checkClients = new CheckClients(vertx, config.maxConcurrentChecks() + RunOnce.MAX_AT_ONCE);
    TargetGuard guard = new TargetGuard(AddressRules.allowing(config.allowedTargets()), new VertxHostResolver(vertx));
    HttpCheckRunner runner = new HttpCheckRunner(vertx, checkClients, guard, clock, config.region(), config.version());
    ConnectivityWatch connectivity = new ConnectivityWatch(clock, !config.connectivityUrls().isEmpty());
    scheduler = new CheckScheduler(vertx, clock, config.maxConcurrentChecks(), runner, observation -> {
      connectivity.record(scheduler.hostOf(observation.getMonitorId()), observation);
      outbox.add(observation);
    }, registry);
    canary = new CanaryCheck(vertx, config.connectivityUrls(), connectivity);
    canary.start();
    link = new LinkClient(vertx, config, outbox, unlessStopping(assignments(scheduler, heartbeats)),
        new RunOnce(runner, clock, config.region()), registry, new SecureRandom(),
        sentSeq -> Math.min(clock.millis(), Math.min(outbox.oldestPingAfter(sentSeq), pingsInFlight.oldest())),
        () -> health(connectivity, outbox));

    Router router = Router.router(vertx);
    router.route("/ping/*").handler(this::refuseWhileStopping);
    new PingRoutes(heartbeats, outbox, pingsInFlight, clock, config.maxPingBodyBytes(), config.pingRatePerSecond(),
        registry).mount(router);
    new HealthRoutes(config, link, scheduler, heartbeats, outbox, () -> stopping).mount(router);
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

  /**
   * The first part of a graceful shutdown: refuses new pings (503, the worker retries, against another probe
   * node behind the same name or this one after its restart), stops the checks, then waits for the coordinators
   * to acknowledge everything spooled, at most {@code timeout}. Callable from any thread; the HTTP server stays
   * up meanwhile, so {@code /health} and {@code /metrics} show the drain.
   */
  Future<OutboxDrain.Result> drain(Duration timeout) {
    Promise<OutboxDrain.Result> drained = Promise.promise();
    context.runOnContext(v -> {
      if (outbox == null) {
        drained.complete(new OutboxDrain.Result(0, 0));
        return;
      }
      stopping = true;
      scheduler.close();
      OutboxDrain.run(vertx, outbox, () -> pingsInFlight.oldest() == Long.MAX_VALUE, timeout).onComplete(drained);
    });
    return drained.future();
  }

  private void refuseWhileStopping(RoutingContext ctx) {
    if (!stopping) {
      ctx.next();
      return;
    }
    ctx.response().setStatusCode(503).putHeader("Retry-After", "5").putHeader("Connection", "close")
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .end("probe node shutting down: not accepting pings, retry in a few seconds or send to another probe node");
  }

  /** A coordinator the link reconnects to while the node drains would otherwise start the checks again. */
  private Assignments unlessStopping(Assignments assignments) {
    return new Assignments() {
      @Override
      public void replace(AssignmentSnapshot snapshot) {
        if (!stopping) {
          assignments.replace(snapshot);
        }
      }

      @Override
      public void apply(AssignmentChange change) {
        if (!stopping) {
          assignments.apply(change);
        }
      }
    };
  }

  private void saveChangedTargets() {
    if (savingTargets) {
      return;
    }
    heartbeats.takeChanges().ifPresent(targets -> {
      savingTargets = true;
      vertx.executeBlocking(() -> {
        KnownTargetsFile.save(config.spoolDir(), targets);
        return null;
      }).onComplete(saved -> {
        savingTargets = false;
        if (saved.failed()) {
          log.warn("heartbeat targets not saved dir={} error={}", config.spoolDir(), saved.cause().toString());
        }
      });
    });
  }

  @Override
  public Future<?> stop() {
    if (saveTargets >= 0) {
      vertx.cancelTimer(saveTargets);
    }
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
    if (canary != null) {
      closing.add(canary.close());
    }
    // The last targets are written before exit: a restart within the save period must still know them.
    // executeBlocking is ordered on this context, so this runs after any save already under way.
    Optional<List<HeartbeatTarget>> unsaved = heartbeats.takeChanges();
    return Future.join(closing)
        .compose(done -> spool == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
          if (unsaved.isPresent()) {
            KnownTargetsFile.save(config.spoolDir(), unsaved.get());
          }
          spool.close();
          return null;
        }))
        .onComplete(done -> removeMeters());
  }

  private ProbeHealth health(ConnectivityWatch connectivity, Outbox outbox) {
    ConnectivityWatch.Verdict verdict = connectivity.verdict();
    return ProbeHealth.newBuilder().setAtMs(clock.millis()).setConnectivityOk(verdict.ok())
        .setConnectivityDetail(verdict.detail()).setEventsPending(outbox.size()).build();
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
