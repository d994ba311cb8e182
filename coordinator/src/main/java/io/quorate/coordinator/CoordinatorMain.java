package io.quorate.coordinator;

import io.quorate.coordinator.apply.ApplyCommand;
import io.quorate.coordinator.config.ClusterDiscovery;
import io.quorate.coordinator.config.ConfigException;
import io.quorate.coordinator.config.CoordinatorConfig;
import io.quorate.coordinator.config.EnvironmentAndFileDefaults;
import io.quorate.coordinator.config.GrpcTls;
import io.quorate.coordinator.config.HostPort;
import io.quorate.coordinator.config.ProbeHealthLimits;
import io.quorate.coordinator.config.Secret;
import io.quorate.coordinator.monitor.Durations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar coordinator.jar}: parses the configuration, starts one node, stops it on SIGTERM. */
@Command(name = "coordinator", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Quorate coordinator node; `apply` makes a running one match a file of monitors and channels.",
        "Every option can also be set as QUORATE_<OPTION> in the environment (e.g. QUORATE_HTTP_PORT)",
        "or in a properties file given with --config (e.g. http-port=8080). Flags win over the",
        "environment, which wins over the file."})
public final class CoordinatorMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(CoordinatorMain.class);

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with option values.")
  Path configFile;
  @Option(names = "--http-host", description = "Address for the API, pages, /ping, /health, /metrics (default ${DEFAULT-VALUE}).")
  String httpHost = "0.0.0.0";
  @Option(names = "--http-port", description = "HTTP port (default ${DEFAULT-VALUE}).")
  int httpPort = 8080;
  @Option(names = "--grpc-port", description = "Probe link port, gRPC (default ${DEFAULT-VALUE}).")
  int grpcPort = 9090;
  @Option(names = "--db-url", paramLabel = "URL", description = "postgresql://user:password@host:5432/db; without it an embedded PostgreSQL runs under --data-dir.")
  String dbUrl;
  @Option(names = "--data-dir", description = "Where the embedded PostgreSQL keeps its data (default ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("quorate-data");
  @Option(names = "--cluster-host", description = "Hazelcast and event bus address of this node (default ${DEFAULT-VALUE}).")
  String clusterHost = "127.0.0.1";
  @Option(names = "--cluster-port", description = "Hazelcast port (default ${DEFAULT-VALUE}).")
  int clusterPort = 5701;
  @Option(names = "--cluster-members", paramLabel = "HOST:PORT,...", description = "Other coordinator nodes (Hazelcast TCP-IP join).")
  String clusterMembers = "";
  @Option(names = "--cluster-discovery", paramLabel = "tcp|kubernetes", description = "How nodes find each other: "
      + "tcp (the --cluster-members list) or kubernetes (DNS records of a headless Service) (default ${DEFAULT-VALUE}).")
  String clusterDiscovery = "tcp";
  @Option(names = "--cluster-k8s-service-dns", paramLabel = "NAME", description = "With --cluster-discovery kubernetes: "
      + "the headless Service's DNS name, e.g. quorate-coordinator-cluster.quorate.svc.cluster.local.")
  String clusterK8sServiceDns;
  @Option(names = "--admin-token", description = "Bearer token for /api/v1. Without it one is generated at first start and printed once.")
  String adminToken;
  @Option(names = "--probe-token", description = "Shared token probe nodes of any region may present. Without it one is"
      + " generated at first start and printed once. For real deployments prefer per-region tokens: POST /api/v1/probe-tokens.")
  String probeToken;
  @Option(names = "--grpc-tls-cert", paramLabel = "FILE", description = "PEM certificate chain of the probe link; with"
      + " --grpc-tls-key turns TLS on for probes (default: plaintext, for local or private networks only).")
  Path grpcTlsCert;
  @Option(names = "--grpc-tls-key", paramLabel = "FILE", description = "PEM private key (PKCS#8 or PKCS#1) of --grpc-tls-cert.")
  Path grpcTlsKey;
  @Option(names = "--grpc-tls-client-ca", paramLabel = "FILE", description = "PEM CA certificate(s): probes must present a"
      + " client certificate signed by one of them (mutual TLS).")
  Path grpcTlsClientCa;
  @Option(names = "--public-url", description = "Base URL of this coordinator in alert links (default http://localhost:<http-port>).")
  String publicUrl;
  @Option(names = "--ping-url", description = "Base of heartbeat ping URLs, e.g. a probe node or load balancer (default: --public-url).")
  String pingUrl;
  @Option(names = "--node-id", description = "Name of this node in logs (default: random).")
  String nodeId;
  @Option(names = "--delivery-retry-base", description = "First retry delay of a failed notification, doubling per attempt (default ${DEFAULT-VALUE}).")
  String deliveryRetryBase = "1s";
  @Option(names = "--probe-lost-after", description = "A probe region with no node heard from for this long is "
      + "disconnected: it stops voting and raises a \"probe region degraded\" incident (default ${DEFAULT-VALUE}).")
  String probeLostAfter = "60s";
  @Option(names = "--probe-lag-limit", description = "A probe region whose newest watermark is older than this is "
      + "lagging, with the same effect (default ${DEFAULT-VALUE}).")
  String probeLagLimit = "2m";
  @Option(names = "--delivery-max-attempts", description = "Attempts before a notification is marked failed (default ${DEFAULT-VALUE}).")
  int deliveryMaxAttempts = 10;
  @Option(names = "--delivery-claim", description = "How long a node holds a notification it is sending; if the node"
      + " dies mid-send, another node sends it after this (default ${DEFAULT-VALUE}; at least 12s: the 10s notifier"
      + " timeout and time to record the outcome).")
  String deliveryClaim = "30s";
  @Option(names = "--shutdown-grace", description = "On SIGTERM, how long the node may take to hand its probes over"
      + " (stored, acknowledged, told to move) and leave the cluster before it exits anyway (default ${DEFAULT-VALUE}).")
  String shutdownGrace = Coordinator.DEFAULT_SHUTDOWN_GRACE_SECONDS + "s";

  public static void main(String[] args) {
    int exit;
    try {
      exit = commandLine(args, System.getenv()).execute(args);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      exit = 2;
    }
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /**
   * The server command with its subcommand {@code apply}. The environment and {@code --config} file fill the
   * server's options only: {@code apply} reads its own two variables (see {@link ApplyCommand}).
   */
  public static CommandLine commandLine(String[] args, Map<String, String> environment) {
    CommandLine cli = new CommandLine(new CoordinatorMain())
        .setDefaultValueProvider(EnvironmentAndFileDefaults.from(args, environment));
    return cli.addSubcommand("apply", new ApplyCommand(environment, CoordinatorServices.builtInChannelTypes()));
  }

  @Override
  public Integer call() {
    CoordinatorConfig config;
    java.time.Duration grace;
    try {
      config = toConfig();
      grace = duration("shutdown-grace", shutdownGrace);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    Coordinator coordinator = Coordinator.start(config, Clock.systemUTC(), Coordinator.TokenAnnouncer.printing(System.out::println))
        .await(); // main thread, not an event loop
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopWithin(coordinator, config.nodeId(), grace),
        "coordinator-shutdown"));
    return 0;
  }

  /**
   * Runs in the JVM's shutdown hook (SIGTERM, Ctrl-C, System.exit), a thread of its own that may block: waits for
   * the graceful close at most {@code grace}, then lets the JVM exit whatever is left (probes resend anything
   * unacknowledged to another node; a delivery claim left behind is taken over once it runs out).
   */
  private static void stopWithin(Coordinator coordinator, String nodeId, java.time.Duration grace) {
    log.info("coordinator stopping node={} shutdown_grace_ms={}", nodeId, grace.toMillis());
    try {
      coordinator.close(grace).await(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("coordinator did not stop within the shutdown grace, exiting anyway node={} error={}", nodeId,
          e.toString());
    }
  }

  CoordinatorConfig toConfig() {
    CoordinatorConfig defaults = CoordinatorConfig.defaults();
    List<HostPort> members;
    try {
      members = Arrays.stream(clusterMembers.split(",")).map(String::trim).filter(s -> !s.isEmpty())
          .map(HostPort::parse).toList();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("cluster-members", e.getMessage());
    }
    java.time.Duration retryBase;
    try {
      retryBase = Durations.parse(deliveryRetryBase);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("delivery-retry-base", e.getMessage());
    }
    java.time.Duration claim;
    try {
      claim = Durations.parse(deliveryClaim);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("delivery-claim", e.getMessage());
    }
    return new CoordinatorConfig(httpHost, httpPort, grpcPort, blankToEmpty(dbUrl), dataDir, clusterHost, clusterPort,
        members, blankToEmpty(adminToken).map(Secret::of), blankToEmpty(probeToken).map(Secret::of),
        blankToEmpty(publicUrl), blankToEmpty(pingUrl), blankToEmpty(nodeId).orElse(defaults.nodeId()), retryBase,
        deliveryMaxAttempts, defaults.heartbeatSweepInterval(),
        new ProbeHealthLimits(duration("probe-lost-after", probeLostAfter), duration("probe-lag-limit", probeLagLimit)),
        claim, GrpcTls.of(grpcTlsCert, grpcTlsKey, grpcTlsClientCa),
        ClusterDiscovery.parse(clusterDiscovery, clusterK8sServiceDns));
  }

  private static java.time.Duration duration(String key, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, e.getMessage());
    }
  }

  private static Optional<String> blankToEmpty(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
