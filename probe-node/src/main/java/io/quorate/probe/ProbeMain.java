package io.quorate.probe;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.probe.spool.NodeIdFile;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar probe-node.jar}: reads the configuration, starts one probe node, stops it on SIGTERM. */
@Command(name = "probe-node", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = ProbeMain.Version.class,
    description = {"Quorate probe node: runs the checks of its region and accepts heartbeat pings.",
        "Options can also come from the environment (QUORATE_PROBE_TOKEN for --probe-token)",
        "or from a properties file given with --config (http-port=8081).",
        "Precedence: flag, environment, file, default.", ""})
public final class ProbeMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ProbeMain.class);
  static final int EXIT_CONFIG = 2;
  private static final long SHUTDOWN_WAIT_S = 10;

  @Spec
  CommandSpec spec;

  @Option(names = "--region", description = "Region name, [a-z0-9-]{1,40}. Required.")
  String region;
  @Option(names = "--coordinator", paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "gRPC addresses of coordinator nodes, tried in turn. Required.")
  String coordinators;
  @Option(names = "--probe-token", paramLabel = "TOKEN",
      description = "The region's enrollment token (POST /api/v1/probe-tokens) or the coordinators' shared probe token "
          + "(prefer QUORATE_PROBE_TOKEN: flags show in ps). Required.")
  String probeToken;
  @Option(names = "--coordinator-tls", description = "Connect to the coordinators over TLS, verifying their certificate"
      + " and host name (default: plaintext, for local or private networks only).")
  boolean coordinatorTls;
  @Option(names = "--coordinator-ca", paramLabel = "FILE",
      description = "PEM CA certificate(s) to trust for the coordinators (default: the JVM's trust store). Needs --coordinator-tls.")
  Path coordinatorCa;
  @Option(names = "--tls-client-cert", paramLabel = "FILE",
      description = "PEM client certificate for mutual TLS, with --tls-client-key. Needs --coordinator-tls.")
  Path tlsClientCert;
  @Option(names = "--tls-client-key", paramLabel = "FILE", description = "PEM private key of --tls-client-cert.")
  Path tlsClientKey;
  @Option(names = "--http-host", description = "Address for /ping, /health, /metrics (default ${DEFAULT-VALUE}).")
  String httpHost = ProbeConfig.DEFAULT_HTTP_HOST;
  @Option(names = "--http-port", description = "HTTP port, 0 = any free port (default ${DEFAULT-VALUE}).")
  int httpPort = ProbeConfig.DEFAULT_HTTP_PORT;
  @Option(names = "--node-id", description = "Name of this node in logs and on the link (default <region>-<random>).")
  String nodeId;
  @Option(names = "--max-concurrent-checks", description = "Checks in flight at once (default ${DEFAULT-VALUE}).")
  int maxConcurrentChecks = ProbeConfig.DEFAULT_MAX_CONCURRENT_CHECKS;
  @Option(names = "--max-ping-body-bytes", description = "Ping bodies are cut to this size (default ${DEFAULT-VALUE}).")
  int maxPingBodyBytes = ProbeConfig.DEFAULT_MAX_PING_BODY_BYTES;
  @Option(names = "--outbox-capacity", description = "Unacknowledged events kept in memory (default ${DEFAULT-VALUE}).")
  int outboxCapacity = ProbeConfig.DEFAULT_OUTBOX_CAPACITY;
  @Option(names = "--spool-dir", paramLabel = "DIR",
      description = "Durable spool of pings and observations, one per probe node (default quorate-spool/<region>).")
  Path spoolDir;
  @Option(names = "--spool-max-bytes", description = "Spool size limit; pings get 503 beyond it (default ${DEFAULT-VALUE}).")
  long spoolMaxBytes = ProbeConfig.DEFAULT_SPOOL_MAX_BYTES;
  @Option(names = "--ping-rate-per-second",
      description = "Pings a second one monitor may send, bursts of twice that; 429 beyond (default ${DEFAULT-VALUE}).")
  int pingRatePerSecond = ProbeConfig.DEFAULT_PING_RATE_PER_SECOND;
  @Option(names = "--allow-targets", paramLabel = "CIDR[,CIDR...]",
      description = "Address ranges checks may reach although they are refused by default (loopback, private, "
          + "link-local...), e.g. 10.0.0.0/8,fd00::/8. Default: none.")
  String allowTargets;
  @Option(names = "--connectivity-urls", paramLabel = "URL[,URL...]",
      description = "URLs this probe fetches every 15 s to check its own network; when none answers, the "
          + "coordinators leave this region out of quorum votes. Default: judge from the checks themselves.")
  String connectivityUrls;
  @Option(names = "--drain-timeout", paramLabel = "DURATION",
      description = "On SIGTERM: pings get 503 and checks stop, then the node waits this long (e.g. 500ms, 15s, 1m) "
          + "for the coordinators to acknowledge its spooled events before it exits; the rest is sent at next start "
          + "(default ${DEFAULT-VALUE}).")
  String drainTimeout = "15s";
  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with option values.")
  Path configFile;
  @Option(names = "--check-config", description = "Print the effective configuration (token hidden) and exit.")
  boolean checkConfig;

  public static void main(String[] args) {
    int exit = run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** Parses, validates and (unless --help, --version or --check-config) starts a node; returns the exit code. */
  static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    try {
      CommandLine cli = new CommandLine(new ProbeMain())
          .setDefaultValueProvider(EnvironmentAndFileDefaults.from(args, environment))
          .setOut(out)
          .setErr(err);
      return cli.execute(args);
    } catch (ConfigException e) {
      err.println("invalid configuration: --" + e.getMessage());
      return EXIT_CONFIG;
    }
  }

  @Override
  public Integer call() {
    ProbeConfig config;
    try {
      config = toConfig();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("invalid configuration: --" + e.getMessage());
      return EXIT_CONFIG;
    }
    Duration drain;
    try {
      drain = DrainTimeout.parse(drainTimeout);
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("invalid configuration: --" + e.getMessage());
      return EXIT_CONFIG;
    }
    if (checkConfig) {
      spec.commandLine().getOut().println(config.describe() + "\ndrain-timeout=" + drain.toMillis() + "ms");
      return 0;
    }
    return start(config, drain);
  }

  ProbeConfig toConfig() {
    List<String> addresses = commaSeparated(coordinators);
    Path spool = spoolDir != null ? spoolDir : Path.of("quorate-spool", region == null ? "probe" : region.strip());
    String id = nodeId == null || nodeId.isBlank() ? storedOrNewNodeId(spool) : nodeId.strip();
    return new ProbeConfig(region == null ? null : region.strip(), id, addresses,
        Secret.of(probeToken == null ? "" : probeToken.strip()), httpHost, httpPort,
        ProbeConfig.DEFAULT_BACKOFF_MIN, ProbeConfig.DEFAULT_BACKOFF_MAX, maxConcurrentChecks, maxPingBodyBytes,
        ProbeConfig.SOFTWARE_VERSION, ProbeConfig.DEFAULT_LINK_IDLE_TIMEOUT, ProbeConfig.DEFAULT_LINK_CONNECT_TIMEOUT,
        outboxCapacity, commaSeparated(allowTargets), spool, spoolMaxBytes, pingRatePerSecond,
        commaSeparated(connectivityUrls), new LinkTls(coordinatorTls, Optional.ofNullable(coordinatorCa),
            Optional.ofNullable(tlsClientCert), Optional.ofNullable(tlsClientKey)));
  }

  /** The id kept in the spool by an earlier run, so replayed pings and new watermarks share one node id. */
  private String storedOrNewNodeId(Path spool) {
    try {
      return NodeIdFile.read(spool).orElseGet(() -> ProbeConfig.defaultNodeId(region));
    } catch (IOException e) {
      throw new ConfigException("spool-dir", "cannot read " + spool.resolve("node-id") + ": " + e.getMessage());
    }
  }

  private static List<String> commaSeparated(String value) {
    return value == null ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Runs on the main thread, so waiting for the start here blocks no event loop. */
  private static int start(ProbeConfig config, Duration drainTimeout) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = ProbeVertx.create(registry);
    ProbeNode node;
    try {
      node = ProbeNode.start(vertx, config, Clock.systemUTC(), registry).await();
    } catch (RuntimeException e) {
      log.error("probe node failed to start region={} node={} error=\"{}\"", config.region(), config.nodeId(),
          e.getMessage());
      vertx.close().await();
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        // The drain ends itself at its timeout; the extra time bounds closing the link, server and spool.
        node.drainAndClose(drainTimeout).await(drainTimeout.toSeconds() + SHUTDOWN_WAIT_S, TimeUnit.SECONDS);
        vertx.close().await(SHUTDOWN_WAIT_S, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("probe node did not stop cleanly error=\"{}\"", e.toString());
      }
    }, "probe-shutdown"));
    return 0;
  }

  /** {@code --version}: the build's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"quorate probe-node " + ProbeConfig.SOFTWARE_VERSION};
    }
  }
}
