package io.quorate.local;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the launcher runs, started in order by {@link #start()} and stopped in reverse by
 * {@link #close()}: probes, then coordinators, then the demo services, then PostgreSQL. Both block; they
 * run on the launcher's main thread and in its shutdown hook, never on an event loop.
 */
final class LocalStack implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(90);

  /** The launcher's options, validated. */
  record Settings(Topology topology, Path dataDir, Optional<Path> jarsDir, Duration startupTimeout) {}

  private final Settings settings;
  private final Console console;
  private final Path logDir;
  private final ProcessSupervisor supervisor;
  private final List<ChildProcess> coordinators = new ArrayList<>();
  private final List<ChildProcess> probes = new ArrayList<>();
  private LocalDatabase database;
  private Vertx vertx;
  private boolean closed;

  LocalStack(Settings settings, Console console) {
    this.settings = settings;
    this.console = console;
    this.logDir = settings.dataDir().resolve("logs");
    this.supervisor = new ProcessSupervisor(logDir, console);
  }

  void start() throws LaunchException {
    Topology topology = settings.topology();
    JarLocator.Jars jars = JarLocator.locate(settings.jarsDir(), Path.of(""), JarLocator.launcherLocation());
    console.info("coordinator jar: " + jars.coordinator() + ", probe-node jar: " + jars.probeNode());
    PortCheck.requireFree(topology.portUses(), topology.basePort());
    TokenStore.Tokens tokens = prepareDataDir();

    console.info("starting PostgreSQL (data in " + settings.dataDir().resolve("pg") + ")");
    LocalDatabase db = LocalDatabase.start(settings.dataDir(), logDir.resolve("postgres.log"));
    keep(() -> database = db, db::close);
    console.info("PostgreSQL listens on port " + db.port());

    Vertx vx = Vertx.vertx();
    keep(() -> vertx = vx, vx::close);
    DemoQueueService queue = Await.result(DemoQueueService.start(vx, "127.0.0.1", topology.demoQueuePort(),
        Topology.REGIONS, console), Duration.ofSeconds(10), "starting the demo queue service");
    WebhookSink sink = Await.result(WebhookSink.start(vx, "127.0.0.1", topology.webhookSinkPort(), console,
        Clock.systemUTC()), Duration.ofSeconds(10), "starting the webhook sink");

    ChildCommands commands = new ChildCommands(ChildCommands.findSetsid(), ChildCommands.currentJava(), ChildCommands.hazelcastFlags(), jars,
        topology, db.url(), settings.dataDir().toAbsolutePath(), tokens);
    List<Readiness.Target> targets = new ArrayList<>();
    for (Topology.Coordinator node : topology.coordinators()) {
      ChildProcess child = track(coordinators, supervisor.start(commands.coordinator(node)));
      targets.add(new Readiness.Target(child, node.httpPort()));
    }
    WebClient client = WebClient.create(vx, new WebClientOptions().setUserAgent("quorate-local"));
    console.info("waiting for the coordinators to answer /health (up to " + settings.startupTimeout().toSeconds() + " s)");
    new Readiness(client, console).awaitHealthy(targets, settings.startupTimeout());

    // Probes start once a coordinator can welcome them: less reconnect noise, less CPU contention at start.
    for (Topology.Probe node : topology.probes()) {
      track(probes, supervisor.start(commands.probe(node)));
    }
    Topology.Coordinator first = topology.coordinators().get(0);
    SampleSetup setup = new SampleSetup(vx, client, "127.0.0.1", first.httpPort(), tokens.admin(),
        tokens.adminPassword(), console);
    SampleSetup.Result sample = Await.result(setup.ensure(topology.demoQueueUrl(), sink.url()), SETUP_TIMEOUT,
        "creating the sample monitors through " + topology.apiBase());
    console.block(Banner.render(topology, tokens, sample.heartbeatPingUrl(), settings.dataDir(), db.url()));
  }

  /** Stops everything that started; safe to call twice and from the shutdown hook while start() runs. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (database == null && vertx == null) {
        supervisor.close();
        return; // nothing was started yet
      }
    }
    console.info("stopping: probes, then coordinators, then the demo services and PostgreSQL");
    supervisor.close();
    supervisor.stop(snapshot(probes), STOP_GRACE);
    supervisor.stop(snapshot(coordinators), STOP_GRACE);
    supervisor.stopAll(STOP_GRACE); // one that started while close() began, before it was tracked
    Vertx vx;
    LocalDatabase db;
    synchronized (this) {
      vx = vertx;
      db = database;
    }
    if (vx != null) {
      try {
        Await.result(vx.close(), Duration.ofSeconds(10), "stopping the demo services");
      } catch (LaunchException e) {
        console.info(e.getMessage());
      }
    }
    if (db != null) {
      try {
        db.close();
      } catch (IOException | RuntimeException e) {
        console.info("PostgreSQL did not stop cleanly: " + Await.describe(e));
      }
    }
    console.info("stopped");
  }

  synchronized boolean isClosed() {
    return closed;
  }

  private TokenStore.Tokens prepareDataDir() throws LaunchException {
    try {
      Files.createDirectories(logDir);
      return TokenStore.loadOrCreate(settings.dataDir().resolve("tokens.properties"));
    } catch (IOException | IllegalArgumentException e) {
      throw new LaunchException("could not prepare " + settings.dataDir().toAbsolutePath() + ": " + Await.describe(e), e);
    }
  }

  private interface Closer {
    void close() throws Exception;
  }

  /** Records a started resource, unless close() already ran: then it is closed at once and start() stops. */
  private void keep(Runnable record, Closer closer) throws LaunchException {
    synchronized (this) {
      if (!closed) {
        record.run();
        return;
      }
    }
    try {
      closer.close();
    } catch (Exception e) {
      console.info("while stopping: " + Await.describe(e));
    }
    throw new LaunchException("stopping");
  }

  private synchronized ChildProcess track(List<ChildProcess> group, ChildProcess child) {
    group.add(child);
    return child;
  }

  private synchronized List<ChildProcess> snapshot(List<ChildProcess> children) {
    return new ArrayList<>(children);
  }
}
