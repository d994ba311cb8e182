package io.quorate.coordinator;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.coordinator.account.Accounts;
import io.quorate.coordinator.account.Authenticator;
import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.MountedRoutes;
import io.quorate.coordinator.api.OpenApiDocument;
import io.quorate.coordinator.api.OpenApiRoutes;
import io.quorate.coordinator.auth.TokenVerifier;
import io.quorate.coordinator.config.CoordinatorConfig;
import io.quorate.coordinator.heartbeat.HeartbeatDecisions;
import io.quorate.coordinator.heartbeat.HeartbeatRoutes;
import io.quorate.coordinator.heartbeat.PingIngest;
import io.quorate.coordinator.heartbeat.PingRoutes;
import io.quorate.coordinator.incident.HeldAlertRelease;
import io.quorate.coordinator.incident.IncidentActions;
import io.quorate.coordinator.incident.IncidentLifecycle;
import io.quorate.coordinator.incident.IncidentReminders;
import io.quorate.coordinator.incident.IncidentRoutes;
import io.quorate.coordinator.link.ProbeLinkServer;
import io.quorate.coordinator.maintenance.MaintenanceRoutes;
import io.quorate.coordinator.maintenance.SilenceRoutes;
import io.quorate.coordinator.checktest.CheckTestRelay;
import io.quorate.coordinator.checktest.CheckTestRoutes;
import io.quorate.coordinator.checktest.CheckTester;
import io.quorate.coordinator.monitor.AssignmentBus;
import io.quorate.coordinator.quorum.ObservationRoutes;
import io.quorate.coordinator.monitor.ConditionCheckRoutes;
import io.quorate.coordinator.monitor.MonitorRoutes;
import io.quorate.coordinator.live.EventStreamRoutes;
import io.quorate.coordinator.live.TeamEvents;
import io.quorate.coordinator.teamview.MonitorList;
import io.quorate.coordinator.teamview.TeamViewRoutes;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.coordinator.notify.ChannelHealth;
import io.quorate.coordinator.notify.ChannelRoutes;
import io.quorate.coordinator.notify.ChannelStore;
import io.quorate.coordinator.notify.ChannelType;
import io.quorate.coordinator.notify.ChannelTypes;
import io.quorate.coordinator.notify.DeliveryDispatcher;
import io.quorate.coordinator.notify.NotifierTools;
import io.quorate.coordinator.notify.email.EmailChannelType;
import io.quorate.coordinator.notify.pagerduty.PagerDutyChannelType;
import io.quorate.coordinator.notify.slack.SlackChannelType;
import io.quorate.coordinator.notify.telegram.TelegramChannelType;
import io.quorate.coordinator.notify.webhook.WebhookChannelType;
import io.quorate.coordinator.probetoken.ProbeAuthenticator;
import io.quorate.coordinator.probetoken.ProbeTokenRoutes;
import io.quorate.coordinator.probetoken.ProbeTokenStore;
import io.quorate.coordinator.probetoken.Refusals;
import io.quorate.coordinator.probetoken.RevocationWatch;
import io.quorate.coordinator.quorum.ObservationIngest;
import io.quorate.coordinator.region.RegionHealthSweep;
import io.quorate.coordinator.region.RegionRoutes;
import io.quorate.coordinator.status.PublicStatusRoutes;
import io.quorate.coordinator.status.StatusCache;
import io.quorate.coordinator.status.StatusLoader;
import io.quorate.coordinator.web.ApiDocsRoutes;
import io.quorate.coordinator.web.PublicUrls;
import io.quorate.coordinator.web.WebRoutes;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of a running node: the one place that knows every implementation and wires
 * stores, ingestion, the probe link, the dispatcher, the sweeper and the HTTP routes together.
 */
final class CoordinatorServices {
  private static final Logger log = LoggerFactory.getLogger(CoordinatorServices.class);
  private static final Duration NOTIFIER_TIMEOUT = CoordinatorConfig.NOTIFIER_TIMEOUT;
  /** How long one computed public status serves every reader of this node. */
  private static final Duration STATUS_CACHE_AGE = Duration.ofSeconds(5);
  /** The event loop the services started on: their timers and state belong to it. */
  private final Context context;
  private final Pool pool;
  private final HttpServer http;
  private final ProbeLinkServer link;
  private final DeliveryDispatcher dispatcher;
  private final HeartbeatDecisions sweeper;
  private final IncidentReminders reminders;
  private final RegionHealthSweep regionHealth;
  private final HeldAlertRelease releases;
  private final RevocationWatch revocations;
  private final WebClient webClient;
  /** Set at the start of a shutdown: {@code /health} answers 503 "stopping" from then on. */
  private final AtomicBoolean stopping;
  /** Every route, for tests that compare the OpenAPI document with what is mounted. */
  private final Router router;

  private CoordinatorServices(Context context, Pool pool, HttpServer http, ProbeLinkServer link, DeliveryDispatcher dispatcher,
      HeartbeatDecisions sweeper, IncidentReminders reminders, RegionHealthSweep regionHealth, HeldAlertRelease releases,
      RevocationWatch revocations, WebClient webClient, AtomicBoolean stopping, Router router) {
    this.context = context;
    this.router = router;
    this.stopping = stopping;
    this.pool = pool;
    this.http = http;
    this.link = link;
    this.dispatcher = dispatcher;
    this.sweeper = sweeper;
    this.reminders = reminders;
    this.regionHealth = regionHealth;
    this.releases = releases;
    this.revocations = revocations;
    this.webClient = webClient;
  }

  static Future<CoordinatorServices> start(Vertx vertx, CoordinatorConfig config, Clock clock,
      PrometheusMeterRegistry registry, Pool pool, TokenVerifier adminTokens, TokenVerifier probeTokens,
      IntSupplier clusterMembers) {
    WebClient webClient = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) NOTIFIER_TIMEOUT.toMillis()).setFollowRedirects(false));
    ChannelTypes channelTypes = channelTypes(new NotifierTools(vertx, webClient, clock, NOTIFIER_TIMEOUT));
    ChannelStore channels = new ChannelStore(pool, clock);
    ChannelHealth channelHealth = new ChannelHealth(channels, clock);
    DeliveryDispatcher dispatcher = new DeliveryDispatcher(vertx, pool, clock, channelTypes, channelHealth,
        config.deliveryRetryBase(), config.deliveryMaxAttempts(), config.deliveryClaim(), registry);
    PublicUrls urls = new PublicUrls(config);
    TeamEvents teamEvents = new TeamEvents(vertx, clock, config.nodeId());
    IncidentLifecycle lifecycle = new IncidentLifecycle(urls::app, dispatcher::poll, registry, teamEvents);
    MonitorStore monitors = new MonitorStore(pool, clock);
    RegionHealthSweep regionHealth = new RegionHealthSweep(vertx, pool, clock, config.probeHealth(),
        config.heartbeatSweepInterval(), urls::app, dispatcher::poll);
    ObservationIngest observations = new ObservationIngest(pool, clock, lifecycle, regionHealth::excludedRegions,
        registry);
    HeartbeatDecisions sweeper = new HeartbeatDecisions(vertx, pool, clock, lifecycle, config.heartbeatSweepInterval());
    IncidentReminders reminders = new IncidentReminders(vertx, pool, clock, lifecycle, config.heartbeatSweepInterval());
    HeldAlertRelease releases = new HeldAlertRelease(vertx, pool, clock, lifecycle, config.heartbeatSweepInterval());
    PingIngest pings = new PingIngest(pool, clock, sweeper);
    ProbeTokenStore tokenStore = new ProbeTokenStore(pool);
    Refusals refusals = new Refusals(pool);
    ProbeLinkServer link = new ProbeLinkServer(vertx, config.nodeId(), new ProbeAuthenticator(probeTokens, tokenStore, clock),
        refusals, pool, clock, monitors, observations, pings, registry);
    RevocationWatch revocations = new RevocationWatch(vertx, tokenStore, link::tokensInUse, link::closeLinksOf);
    AssignmentBus bus = new AssignmentBus(vertx);
    CheckTestRelay relay = new CheckTestRelay(vertx, link);
    CheckTester tester = new CheckTester(vertx, clusterMembers);
    Future<OpenApiDocument> openApi = OpenApiDocument.load(vertx);
    Accounts accounts = new Accounts(vertx, pool, adminTokens,
        config.publicUrl().map(url -> url.startsWith("https://")).orElse(false), clock);
    Router router = routes(vertx, config, clock, registry, pool, accounts, urls, monitors, pings, sweeper, tester, bus,
        lifecycle, openApi, new ChannelRoutes(channels, channelTypes, channelHealth), new RegionRoutes(pool, clock, regionHealth),
        new ProbeTokenRoutes(tokenStore, refusals, revocations::announce, clock));
    AtomicBoolean stopping = new AtomicBoolean();
    router.get("/health").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .setStatusCode(stopping.get() ? 503 : 200) // a load balancer stops sending traffic to a stopping node
        .end(health(config, link, clusterMembers).put("status", stopping.get() ? "stopping" : "up").encode()));

    return openApi.compose(loaded -> bus.subscribe(changed -> {
          observations.forget(changed);
          return link.monitorChanged(changed);
        }))
        .compose(subscribed -> teamEvents.start())
        .compose(subscribed -> relay.start())
        .compose(subscribed -> revocations.start())
        .compose(subscribed -> link.listen(config.httpHost(), config.grpcPort(), config.grpcTls()))
        .compose(grpc -> vertx.createHttpServer(new HttpServerOptions().setHost(config.httpHost()).setPort(config.httpPort()))
            .requestHandler(router).listen())
        .compose(http -> {
          urls.listeningOn(http.actualPort());
          return accounts.start(urls.app()).map(http);
        })
        .map(http -> {
          urls.listeningOn(http.actualPort());
          dispatcher.start();
          sweeper.start();
          reminders.start();
          regionHealth.start();
          releases.start();
          dispatcher.poll(); // deliveries left pending by a previous run or by a node that died
          log.info("coordinator started node={} http={} grpc={} grpc_tls={} cluster={}:{}", config.nodeId(),
              http.actualPort(), link.port(), config.grpcTls().map(tls -> tls.mutual() ? "mutual" : "on").orElse("off"),
              config.clusterHost(), config.clusterPort());
          if (config.grpcTls().isEmpty()) {
            log.warn("probe link is plaintext: probe tokens and events cross the network unencrypted;"
                + " set --grpc-tls-cert and --grpc-tls-key outside a local or private network");
          }
          return new CoordinatorServices(Vertx.currentContext(), pool, http, link, dispatcher, sweeper, reminders,
              regionHealth, releases, revocations, webClient, stopping, router);
        });
  }

  private static Router routes(Vertx vertx, CoordinatorConfig config, Clock clock, PrometheusMeterRegistry registry,
      Pool pool, Accounts accounts, PublicUrls urls, MonitorStore monitors, PingIngest pings,
      HeartbeatDecisions decisions, CheckTester tester, AssignmentBus bus, IncidentLifecycle lifecycle,
      Future<OpenApiDocument> openApi, ChannelRoutes channelRoutes, RegionRoutes regionRoutes, ProbeTokenRoutes probeTokenRoutes) {
    Router router = Router.router(vertx);
    PublicStatusRoutes status = new PublicStatusRoutes(
        new StatusCache(clock, STATUS_CACHE_AGE, new StatusLoader(pool)::load));
    Router api = ApiRouter.create(vertx, accounts.authenticator(),
        open -> {
          status.mountApi(open);
          accounts.mountOpen(open);
          new OpenApiRoutes(openApi).mount(open);
        },
        secured -> {
          accounts.mountSecured(secured);
          secured.route("/probe-tokens*").handler(Authenticator::requireAdmin);
          new CheckTestRoutes(monitors, tester).mount(secured);
          new ConditionCheckRoutes().mount(secured);
          new TeamViewRoutes(pool, monitors, new MonitorList(pool, monitors, clock, urls::pingBase,
              regionRoutes::excludedRegions), clock).mount(secured);
          new MonitorRoutes(pool, monitors, bus, clock, urls::pingBase, regionRoutes::excludedRegions,
              lifecycle.teamEvents()).mount(secured);
          new EventStreamRoutes(vertx, lifecycle.teamEvents()).mount(secured);
          new HeartbeatRoutes(pool, clock, decisions, urls::pingBase, lifecycle.teamEvents()).mount(secured);
          new ObservationRoutes(pool).mount(secured);
          new IncidentRoutes(pool, clock, new IncidentActions(pool, clock, lifecycle)).mount(secured);
          channelRoutes.mount(secured);
          regionRoutes.mount(secured);
          probeTokenRoutes.mount(secured);
          new MaintenanceRoutes(pool, clock).mount(secured);
          new SilenceRoutes(pool, clock).mount(secured);
        });
    router.route("/api/v1/*").subRouter(api);
    new PingRoutes(pings, clock, config.nodeId(), registry).mount(router);
    status.mountPages(router);
    WebRoutes.mount(router, registry);
    ApiDocsRoutes.mount(router);
    return router;
  }

  /** The registry of channel types: one line per type. */
  private static ChannelTypes channelTypes(NotifierTools tools) {
    return new ChannelTypes(tools, builtInChannelTypes());
  }

  /** Every channel type; {@code apply} checks a file's channels against them before it writes anything. */
  static List<ChannelType> builtInChannelTypes() {
    return List.of(
        new WebhookChannelType(),
        new SlackChannelType(),
        new PagerDutyChannelType(),
        new EmailChannelType(),
        new TelegramChannelType());
  }

  private static JsonObject health(CoordinatorConfig config, ProbeLinkServer link, IntSupplier clusterMembers) {
    return new JsonObject()
        .put("status", "up")
        .put("node", config.nodeId())
        .put("cluster_members", clusterMembers.getAsInt())
        .put("probe_regions_connected", new io.vertx.core.json.JsonArray(link.connectedRegions()));
  }

  /** {@code "GET /api/v1/monitors/{id}"}, … for every route mounted with a method and a plain path. */
  List<String> mountedOperations() {
    return MountedRoutes.operations(router);
  }

  int httpPort() {
    return http.actualPort();
  }

  int grpcPort() {
    return link.port();
  }

  /**
   * Callable from any thread: the stop runs on the services' own event loop. First the probe links are
   * handed over (what was received is stored and acknowledged, then each probe is told to move), and only
   * then the dispatcher stops, so notifications those last events cause are sent or left for other nodes.
   *
   * @param linkGrace how long the probe links may take to hand over before they are cut off
   */
  Future<Void> close(Duration linkGrace) {
    Promise<Void> closed = Promise.promise();
    context.runOnContext(v -> stopServices(linkGrace).onComplete(closed));
    return closed.future();
  }

  private Future<Void> stopServices(Duration linkGrace) {
    stopping.set(true);
    sweeper.stop();
    reminders.stop();
    regionHealth.stop();
    releases.stop();
    return revocations.stop().transform(v -> link.goAway(linkGrace))
        .eventually(dispatcher::stop)
        .eventually(http::close)
        .eventually(() -> {
          webClient.close();
          return Future.succeededFuture();
        })
        .eventually(pool::close);
  }
}
