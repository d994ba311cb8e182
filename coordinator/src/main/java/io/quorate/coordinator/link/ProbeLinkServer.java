package io.quorate.coordinator.link;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.coordinator.config.GrpcTls;
import io.quorate.coordinator.heartbeat.IncomingPing;
import io.quorate.coordinator.heartbeat.PingIngest;
import io.quorate.coordinator.heartbeat.Watermarks;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.coordinator.project.Project;
import io.quorate.coordinator.probetoken.LinkRefusedException;
import io.quorate.coordinator.probetoken.ProbeAuthenticator;
import io.quorate.coordinator.probetoken.ProbeCredential;
import io.quorate.coordinator.probetoken.RefusalReason;
import io.quorate.coordinator.probetoken.Refusals;
import io.quorate.coordinator.project.ProjectStore;
import io.quorate.coordinator.quorum.IncomingObservation;
import io.quorate.coordinator.quorum.ObservationIngest;
import io.quorate.coordinator.region.ProbeNodes;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.CheckRunResult;
import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.Hello;
import io.quorate.link.v1.ProbeHealth;
import io.quorate.link.v1.ProbeLinkGrpcService;
import io.quorate.link.v1.ProbeMessage;
import io.quorate.link.v1.RunCheck;
import io.quorate.link.v1.Watermark;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts probe links on this coordinator node: checks the probe token before reading anything (refusals are
 * logged without the token and recorded for the API), hands each stream to a {@link ProbeSession}, stores the
 * events they carry, and pushes assignment changes to the probes connected here when any node announces a
 * monitor change.
 */
public final class ProbeLinkServer {
  private static final Logger log = LoggerFactory.getLogger(ProbeLinkServer.class);
  private static final long MAX_MESSAGE_BYTES = 4L * 1024 * 1024;
  private static final int STREAM_WINDOW_BYTES = 1024 * 1024;
  private static final int CONNECTION_WINDOW_BYTES = 4 * 1024 * 1024;
  private static final String SHUTTING_DOWN = "coordinator node shutting down";
  private final Vertx vertx;
  private final String nodeId;
  private final LinkGate gate;
  private final Pool pool;
  private final Clock clock;
  private final MonitorStore monitors;
  private final ObservationIngest observations;
  private final PingIngest pings;
  private final MeterRegistry registry;
  private final Set<ProbeSession> sessions = new CopyOnWriteArraySet<>();
  private volatile BiConsumer<ConnectedProbe, CheckRunResult> checkResults = (probe, result) -> {};
  private HttpServer httpServer;
  /** Set when this node starts shutting down: new streams are refused, so probes pick another node. */
  private volatile boolean leaving;
  /** Disconnects being written: a shutdown waits for them, so the pool does not close under them. */
  private final Set<Future<Void>> disconnectWrites = ConcurrentHashMap.newKeySet();

  public ProbeLinkServer(Vertx vertx, String nodeId, ProbeAuthenticator probeTokens, Refusals refusals, Pool pool,
      Clock clock, MonitorStore monitors, ObservationIngest observations, PingIngest pings, MeterRegistry registry) {
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.gate = new LinkGate(probeTokens, refusals, clock, nodeId, registry);
    this.pool = pool;
    this.clock = clock;
    this.monitors = monitors;
    this.observations = observations;
    this.pings = pings;
    this.registry = registry;
    registry.gauge("quorate_probe_links", sessions, Set::size);
  }

  /** @param tls the link's certificate, and the CA of client certificates when probes must present one */
  public Future<HttpServer> listen(String host, int port, Optional<GrpcTls> tls) {
    // Above the 256 KiB default: an EventBatch of up to 128 KiB, or an event with a large ping body, must fit.
    GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions().setMaxMessageSize(MAX_MESSAGE_BYTES));
    grpc.callHandler(ProbeLinkGrpcService.Connect, this::accept);
    // HTTP/2 flow-control windows well above the 64 KiB default: probes send batches of up to 128 KiB, and a
    // replaying spool sends many back to back.
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
        .setInitialSettings(new Http2Settings().setInitialWindowSize(STREAM_WINDOW_BYTES))
        .setHttp2ConnectionWindowSize(CONNECTION_WINDOW_BYTES);
    tls.ifPresent(certificates -> LinkServerTls.apply(options, certificates));
    return vertx.createHttpServer(options)
        .requestHandler(grpc)
        .listen()
        .onSuccess(server -> httpServer = server);
  }

  public int port() {
    return httpServer.actualPort();
  }

  /** Ends every probe stream (the probes reconnect to another node) and stops listening. */
  public Future<Void> close() {
    sessions.forEach(ProbeSession::shutdown);
    return httpServer == null ? Future.succeededFuture() : httpServer.close();
  }

  /**
   * The graceful part of a shutdown: refuses new streams, then lets every session store what it has
   * received, acknowledge it and tell its probe to move to another node ({@code Goaway}), then stops
   * listening. Sessions that have not ended within {@code grace} are cut off; their unacknowledged events
   * are sent again by the probe elsewhere, so the bound costs time on the other node, never an event.
   */
  public Future<Void> goAway(Duration grace) {
    leaving = true;
    long started = System.nanoTime();
    List<Future<Void>> ended = sessions.stream().map(session -> session.goAway(SHUTTING_DOWN)).toList();
    int count = ended.size();
    return Future.join(ended).compose(v -> Future.join(List.copyOf(disconnectWrites))).<Void>mapEmpty()
        .timeout(grace.toMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(v -> log.info("probe links handed over node={} streams={} took_ms={}", nodeId, count,
            (System.nanoTime() - started) / 1_000_000))
        .onFailure(late -> log.warn("probe links not handed over within grace node={} grace_ms={} open_streams={}",
            nodeId, grace.toMillis(), sessions.size()))
        .otherwiseEmpty()
        .compose(v -> close());
  }

  private boolean refusedWhileLeaving(GrpcServerRequest<ProbeMessage, CoordinatorMessage> stream) {
    if (leaving) {
      stream.response().status(GrpcStatus.UNAVAILABLE).statusMessage(SHUTTING_DOWN).end();
    }
    return leaving;
  }

  /** Sends the changed (or deleted) monitor to the probes connected to this node that it concerns. */
  public Future<Void> monitorChanged(UUID monitorId) {
    if (sessions.isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Optional<Monitor>> found = monitors.find(monitorId);
    Future<Project> project = ProjectStore.findDefault(pool);
    return Future.all(found, project).map(all -> {
      for (ProbeSession session : sessions) {
        if (session.ready()) {
          session.send(Assignments.change(monitorId, found.result().orElse(null), session.region(),
              project.result().pingKey()));
        }
      }
      return null;
    });
  }

  String nodeId() {
    return nodeId;
  }

  /**
   * Asks every probe connected to this node in one of {@code regions} to run a check once now.
   *
   * @return the probes asked; their answers go to the handler set with {@link #onCheckResult}
   */
  public List<ConnectedProbe> runCheck(RunCheck run, Set<String> regions) {
    List<ConnectedProbe> asked = new ArrayList<>();
    for (ProbeSession session : sessions) {
      if (session.ready() && regions.contains(session.region())) {
        session.runCheck(run);
        asked.add(new ConnectedProbe(session.region(), session.nodeId()));
      }
    }
    return asked;
  }

  /** Where the answers to {@link #runCheck} go; called on the answering session's event loop. */
  public void onCheckResult(BiConsumer<ConnectedProbe, CheckRunResult> handler) {
    this.checkResults = handler;
  }

  void checkResult(ProbeSession session, CheckRunResult result) {
    checkResults.accept(new ConnectedProbe(session.region(), session.nodeId()), result);
  }

  /** Nothing is read from the stream until its token is known; then a session takes it, or it is refused. */
  private void accept(GrpcServerRequest<ProbeMessage, CoordinatorMessage> stream) {
    if (refusedWhileLeaving(stream)) {
      return;
    }
    stream.pause();
    gate.admit(stream)
        .onSuccess(credential -> {
          new ProbeSession(vertx, stream, this, credential).start();
          stream.resume();
        })
        .onFailure(error -> {
          boolean refused = error instanceof LinkRefusedException;
          stream.response().status(refused ? LinkGate.status((LinkRefusedException) error) : GrpcStatus.UNAVAILABLE)
              .statusMessage(refused ? error.getMessage() : "could not check the probe token").end();
        });
  }

  /** A welcomed-to-be session whose Hello names a region its token does not speak for. */
  GrpcStatus refuseRegion(GrpcServerRequest<ProbeMessage, CoordinatorMessage> stream, ProbeCredential credential,
      String region) {
    return gate.refuse(stream, Optional.of(region), LinkGate.wrongRegion(credential, region));
  }

  /** The enrollment tokens of the links on this node. */
  public Set<UUID> tokensInUse() {
    return sessions.stream().flatMap(session -> session.credential().tokenId().stream()).collect(Collectors.toSet());
  }

  /** Ends this node's links that present one of these (revoked) tokens; the probes are refused when they retry. */
  public void closeLinksOf(Set<UUID> revokedTokens) {
    for (ProbeSession session : sessions) {
      if (session.credential().tokenId().filter(revokedTokens::contains).isPresent()) {
        session.close(GrpcStatus.UNAUTHENTICATED, RefusalReason.REVOKED_TOKEN.message());
      }
    }
  }

  /** Adds a welcomed session and returns the full assignment for its region. */
  Future<AssignmentSnapshot> register(ProbeSession session) {
    sessions.add(session);
    session.linkedAt(clock.instant().truncatedTo(ChronoUnit.MICROS)); // as PostgreSQL stores it, to match it later
    return pool.preparedQuery("INSERT INTO probe_regions (region, first_seen_at, last_seen_at) VALUES ($1, $2, $2)"
            + " ON CONFLICT (region) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at")
        .execute(Tuple.of(session.region(), utc(clock.instant())))
        .compose(v -> ProbeNodes.connected(pool, session.hello(), nodeId, session.linkedAt(), session.remoteAddress(),
            session.credential().tokenId()))
        .compose(v -> Future.all(monitors.list(), ProjectStore.findDefault(pool)))
        .map(all -> Assignments.snapshot(all.resultAt(0), session.region(), all.<Project>resultAt(1).pingKey()));
  }

  void unregister(ProbeSession session) {
    sessions.remove(session);
    if (session.nodeId() != null) {
      Future<Void> write = ProbeNodes.disconnected(pool, session.nodeId(), nodeId, session.linkedAt(), clock.instant())
          .onFailure(error -> log.warn("probe disconnect not recorded node={} error={}", session.nodeId(),
              error.toString()));
      disconnectWrites.add(write);
      write.onComplete(done -> disconnectWrites.remove(write));
    }
  }

  /** The probe's own health report: whether it can reach the world and how much it has not delivered yet. */
  void recordHealth(Hello hello, ProbeHealth health) {
    ProbeNodes.reported(pool, hello, health, clock.instant())
        .onFailure(error -> log.warn("probe health not recorded node={} error={}", hello.getNodeId(), error.toString()));
  }

  /** Stores a batch of events (all pings, or all observations); the returned future succeeds once it is durable. */
  Future<Void> store(Hello hello, List<ReceivedEvent> received) {
    if (received.get(0).event().hasObservation()) {
      List<IncomingObservation> batch = received.stream().filter(r -> r.event().hasObservation())
          .map(r -> new IncomingObservation(r.event().getEventId(), r.event().getObservation(), r.receivedAt()))
          .toList();
      registry.counter("quorate_observations_total", "region", hello.getRegion()).increment(batch.size());
      return observations.ingest(hello.getNodeId(), hello.getRegion(), batch);
    }
    List<IncomingPing> batch = received.stream().map(ReceivedEvent::event).filter(Event::hasPing)
        .map(e -> new IncomingPing(e.getEventId(), hello.getRegion(), hello.getNodeId(), e.getPing())).toList();
    registry.counter("quorate_pings_total", "via", "probe").increment(batch.size());
    return pings.ingest(batch).mapEmpty();
  }

  /** "Every ping this node received before T is stored": written once its events are. */
  Future<Void> recordWatermark(Hello hello, Watermark watermark) {
    return Watermarks.record(pool, hello.getRegion(), hello.getNodeId(),
            Instant.ofEpochMilli(watermark.getReceivedBeforeMs()), clock.instant())
        .onFailure(error -> log.warn("watermark not recorded region={} node={} error={}", hello.getRegion(),
            hello.getNodeId(), error.toString()));
  }

  /** This coordinator's clock, for its sessions. */
  Instant now() {
    return clock.instant();
  }

  /** Regions with a probe connected to this node. */
  public List<String> connectedRegions() {
    return sessions.stream().map(ProbeSession::region).distinct().sorted().toList();
  }
}
