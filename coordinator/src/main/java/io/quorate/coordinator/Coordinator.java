package io.quorate.coordinator;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.coordinator.auth.GeneratedTokens;
import io.quorate.coordinator.auth.TokenVerifier;
import io.quorate.coordinator.cluster.ClusterSetup;
import io.quorate.coordinator.config.CoordinatorConfig;
import io.quorate.coordinator.config.Secret;
import io.quorate.coordinator.db.DatabaseUrl;
import io.quorate.coordinator.db.EmbeddedDatabase;
import io.quorate.coordinator.db.Migrations;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One coordinator node, from nothing to serving: joins the Hazelcast cluster, starts or connects to
 * PostgreSQL, applies migrations, then starts the services ({@link CoordinatorServices}). Used by
 * {@code CoordinatorMain} and by tests, which start several nodes in one JVM.
 */
public final class Coordinator {
  private static final Logger log = LoggerFactory.getLogger(Coordinator.class);
  public static final long DEFAULT_SHUTDOWN_GRACE_SECONDS = 20;
  private final Vertx vertx;
  private final CoordinatorServices services;
  private final EmbeddedDatabase embedded;

  private Coordinator(Vertx vertx, CoordinatorServices services, EmbeddedDatabase embedded) {
    this.vertx = vertx;
    this.services = services;
    this.embedded = embedded;
  }

  /**
   * @param announceToken receives a token generated at first start (name, token), to be shown once
   */
  public static Future<Coordinator> start(CoordinatorConfig config, Clock clock, TokenAnnouncer announceToken) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HazelcastClusterManager cluster = new HazelcastClusterManager(
        ClusterSetup.hazelcast(config.clusterHost(), config.clusterPort(), config.clusterMembers(),
            config.clusterDiscovery()));
    VertxOptions options = new VertxOptions()
        .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true))
        .setEventBusOptions(new EventBusOptions().setHost(config.clusterHost()).setClusterPublicHost(config.clusterHost()));
    // No context: a failed start closes this Vert.x, and a future of its context would then never complete.
    Promise<Coordinator> started = Promise.promise();
    Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry))
        .withClusterManager(cluster).buildClustered()
        .onFailure(started::fail)
        .onSuccess(vertx -> startOn(vertx, config, clock, registry, announceToken, () -> cluster.getNodes().size())
            .onSuccess(started::complete)
            .onFailure(error -> {
              log.error("coordinator node failed to start error=\"{}\"", error.getMessage());
              closeOffEventLoop(vertx, closed -> started.fail(error));
            }));
    return started.future();
  }

  private static Future<Coordinator> startOn(Vertx vertx, CoordinatorConfig config, Clock clock,
      PrometheusMeterRegistry registry, TokenAnnouncer announceToken, java.util.function.IntSupplier clusterMembers) {
    // Starting PostgreSQL and migrating are blocking (processes, JDBC): off the event loop.
    return vertx.executeBlocking(() -> prepareDatabase(config)).compose(database -> {
      // Cached prepared statements: each statement is parsed and planned once per connection instead of on
      // every execution (ingest runs the same few statements thousands of times a second). Eight connections
      // are plenty for two to four cores: each probe stream runs one transaction at a time, and more
      // connections than cores only make PostgreSQL's backends compete.
      Pool pool = PgBuilder.pool()
          .with(new PoolOptions().setMaxSize(8))
          .connectingTo(database.url().connectOptions().setCachePreparedStatements(true))
          .using(vertx)
          .build();
      Future<TokenVerifier> admin = GeneratedTokens.resolve(pool, clock, "admin_token_sha256", config.adminToken(),
          token -> announceToken.announce("admin token", token));
      Future<TokenVerifier> probe = GeneratedTokens.resolve(pool, clock, "probe_token_sha256", config.probeToken(),
          token -> announceToken.announce("probe token", token));
      return Future.all(admin, probe)
          .compose(tokens -> CoordinatorServices.start(vertx, config, clock, registry, pool, admin.result(), probe.result(),
              clusterMembers))
          .map(services -> new Coordinator(vertx, services, database.embedded().orElse(null)))
          .recover(error -> pool.close().transform(v -> {
            database.embedded().ifPresent(EmbeddedDatabase::close);
            return Future.<Coordinator>failedFuture(error);
          }));
    });
  }

  private record PreparedDatabase(DatabaseUrl url, Optional<EmbeddedDatabase> embedded) {}

  private static PreparedDatabase prepareDatabase(CoordinatorConfig config) {
    Optional<EmbeddedDatabase> embedded = config.dbUrl().isPresent()
        ? Optional.empty()
        : Optional.of(EmbeddedDatabase.start(config.dataDir()));
    DatabaseUrl url = config.dbUrl().map(DatabaseUrl::new).orElseGet(() -> embedded.get().url());
    log.info("database url={}", url);
    Migrations.apply(url);
    return new PreparedDatabase(url, embedded);
  }

  public int httpPort() {
    return services.httpPort();
  }

  /** The HTTP operations this node mounts, e.g. {@code "GET /api/v1/monitors/{id}"} (OpenAPI's path notation). */
  public List<String> mountedOperations() {
    return services.mountedOperations();
  }

  public int grpcPort() {
    return services.grpcPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** {@link #close(Duration)} with the default grace of {@value #DEFAULT_SHUTDOWN_GRACE_SECONDS} s. */
  public Future<Void> close() {
    return close(Duration.ofSeconds(DEFAULT_SHUTDOWN_GRACE_SECONDS));
  }

  /**
   * Graceful shutdown: {@code /health} turns 503, new probe streams are refused, each connected probe's
   * received events are stored and acknowledged before it is told to move to another node (Goaway), the
   * dispatcher finishes the sends under way, then the servers and the pool close and the node leaves the
   * Hazelcast cluster. Nothing is acknowledged that is not committed; what a probe sent after the hand-over
   * began is unacknowledged and sent again elsewhere.
   *
   * @param grace how long the probe hand-over may take (half of it) before streams are cut off; callers that
   *     must exit in bounded time wait for the returned future with their own timeout, as {@code CoordinatorMain} does
   */
  public Future<Void> close(Duration grace) {
    log.info("coordinator node stopping grace_ms={}", grace.toMillis());
    Promise<Void> stopped = Promise.promise(); // no context: completes on whichever thread finishes the close
    services.close(grace.dividedBy(2))
        .eventually(() -> embedded == null ? Future.succeededFuture()
            : vertx.executeBlocking(() -> {
              embedded.close(); // stops the postgres process: blocking
              return null;
            }))
        .onComplete(servicesStopped -> closeVertx(stopped));
    return stopped.future();
  }

  /**
   * Closes Vert.x from a thread of its own: chained from one of this instance's event loops, the close
   * would try to report its completion on that event loop after it has terminated, and never complete.
   */
  private void closeVertx(Promise<Void> stopped) {
    closeOffEventLoop(vertx, closed -> {
      log.info("coordinator node stopped");
      stopped.handle(closed);
    });
  }

  private static void closeOffEventLoop(Vertx vertx, io.vertx.core.Handler<io.vertx.core.AsyncResult<Void>> done) {
    Thread closer = new Thread(() -> vertx.close().onComplete(done), "coordinator-close");
    closer.setDaemon(true);
    closer.start();
  }

  /** Shows a generated token once; the default prints it to standard output, never to the log. */
  @FunctionalInterface
  public interface TokenAnnouncer {
    void announce(String name, Secret token);

    static TokenAnnouncer printing(Consumer<String> out) {
      return (name, token) -> out.accept("\n  Generated " + name + " (shown once, stored only as a hash): "
          + token.reveal() + "\n");
    }
  }
}
