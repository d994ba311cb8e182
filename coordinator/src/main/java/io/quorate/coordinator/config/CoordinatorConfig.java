package io.quorate.coordinator.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a coordinator node needs to start, validated once. Built by {@code CoordinatorMain} from
 * flags, environment and a config file, or directly by tests.
 *
 * @param dbUrl empty to run an embedded PostgreSQL under {@code dataDir}
 * @param adminToken empty to use (or at first start generate and print) a token stored hashed in the database
 * @param probeToken likewise for the token probes present on the link
 * @param publicUrl base of links in alerts; empty means {@code http://localhost:<httpPort>}
 * @param pingUrl base of heartbeat ping URLs; empty means the public URL
 * @param deliveryRetryBase first retry delay of a failed notification; doubles per attempt
 * @param probeHealth when a probe region is disconnected or lagging, and stops voting
 * @param deliveryClaim how long a node holds a delivery it is sending; after a node dies mid-send, another
 *     node sends the delivery once this has passed. At least {@link #MIN_DELIVERY_CLAIM}, so a claim never
 *     expires while its send is still running on a live node.
 * @param grpcTls TLS (and optionally mutual TLS) on the probe link; empty: plaintext, for a local install or a
 *     private network only
 * @param clusterDiscovery how this node finds the others: {@code clusterMembers} (TCP-IP) or Kubernetes DNS
 */
public record CoordinatorConfig(
    String httpHost,
    int httpPort,
    int grpcPort,
    Optional<String> dbUrl,
    Path dataDir,
    String clusterHost,
    int clusterPort,
    List<HostPort> clusterMembers,
    Optional<Secret> adminToken,
    Optional<Secret> probeToken,
    Optional<String> publicUrl,
    Optional<String> pingUrl,
    String nodeId,
    Duration deliveryRetryBase,
    int deliveryMaxAttempts,
    Duration heartbeatSweepInterval,
    ProbeHealthLimits probeHealth,
    Duration deliveryClaim,
    Optional<GrpcTls> grpcTls,
    ClusterDiscovery clusterDiscovery) {
  /** The deadline of every call to a notification receiver (HTTP exchange or SMTP dialogue). */
  public static final Duration NOTIFIER_TIMEOUT = Duration.ofSeconds(10);
  /** The notifier timeout and two seconds to write the outcome. */
  public static final Duration MIN_DELIVERY_CLAIM = NOTIFIER_TIMEOUT.plusSeconds(2);
  /** A node that dies mid-send delays a page by at most this much. */
  public static final Duration DEFAULT_DELIVERY_CLAIM = Duration.ofSeconds(30);

  public CoordinatorConfig {
    Objects.requireNonNull(httpHost, "http-host");
    requirePort("http-port", httpPort);
    requirePort("grpc-port", grpcPort);
    requirePort("cluster-port", clusterPort);
    Objects.requireNonNull(dataDir, "data-dir");
    Objects.requireNonNull(clusterHost, "cluster-host");
    clusterMembers = List.copyOf(clusterMembers);
    dbUrl.ifPresent(DatabaseUrlCheck::requireValid);
    publicUrl = publicUrl.map(CoordinatorConfig::withoutTrailingSlash);
    pingUrl = pingUrl.map(CoordinatorConfig::withoutTrailingSlash);
    if (nodeId == null || nodeId.isBlank()) {
      throw new ConfigException("node-id", "must not be blank");
    }
    if (deliveryRetryBase.isNegative() || deliveryRetryBase.isZero()) {
      throw new ConfigException("delivery-retry-base", "must be positive");
    }
    Objects.requireNonNull(probeHealth, "probe-health");
    Objects.requireNonNull(clusterDiscovery, "cluster-discovery");
    if (deliveryMaxAttempts < 1) {
      throw new ConfigException("delivery-max-attempts", "must be at least 1");
    }
    if (deliveryClaim.compareTo(MIN_DELIVERY_CLAIM) < 0) {
      throw new ConfigException("delivery-claim", "must be at least " + MIN_DELIVERY_CLAIM.toSeconds() + "s: the "
          + NOTIFIER_TIMEOUT.toSeconds() + "s notifier timeout plus time to record the outcome, so a claim never"
          + " expires while its send is running");
    }
    Objects.requireNonNull(grpcTls, "grpc-tls");
  }

  /** Plaintext probe link. */
  public CoordinatorConfig(String httpHost, int httpPort, int grpcPort, Optional<String> dbUrl, Path dataDir,
      String clusterHost, int clusterPort, List<HostPort> clusterMembers, Optional<Secret> adminToken,
      Optional<Secret> probeToken, Optional<String> publicUrl, Optional<String> pingUrl, String nodeId,
      Duration deliveryRetryBase, int deliveryMaxAttempts, Duration heartbeatSweepInterval,
      ProbeHealthLimits probeHealth, Duration deliveryClaim) {
    this(httpHost, httpPort, grpcPort, dbUrl, dataDir, clusterHost, clusterPort, clusterMembers, adminToken, probeToken,
        publicUrl, pingUrl, nodeId, deliveryRetryBase, deliveryMaxAttempts, heartbeatSweepInterval, probeHealth,
        deliveryClaim, Optional.empty());
  }

  /** Joining by the TCP-IP member list. */
  public CoordinatorConfig(String httpHost, int httpPort, int grpcPort, Optional<String> dbUrl, Path dataDir,
      String clusterHost, int clusterPort, List<HostPort> clusterMembers, Optional<Secret> adminToken,
      Optional<Secret> probeToken, Optional<String> publicUrl, Optional<String> pingUrl, String nodeId,
      Duration deliveryRetryBase, int deliveryMaxAttempts, Duration heartbeatSweepInterval,
      ProbeHealthLimits probeHealth, Duration deliveryClaim, Optional<GrpcTls> grpcTls) {
    this(httpHost, httpPort, grpcPort, dbUrl, dataDir, clusterHost, clusterPort, clusterMembers, adminToken, probeToken,
        publicUrl, pingUrl, nodeId, deliveryRetryBase, deliveryMaxAttempts, heartbeatSweepInterval, probeHealth,
        deliveryClaim, grpcTls, ClusterDiscovery.TCP_IP);
  }

  /** With the default delivery claim, joining by the TCP-IP member list. */
  public CoordinatorConfig(String httpHost, int httpPort, int grpcPort, Optional<String> dbUrl, Path dataDir,
      String clusterHost, int clusterPort, List<HostPort> clusterMembers, Optional<Secret> adminToken,
      Optional<Secret> probeToken, Optional<String> publicUrl, Optional<String> pingUrl, String nodeId,
      Duration deliveryRetryBase, int deliveryMaxAttempts, Duration heartbeatSweepInterval,
      ProbeHealthLimits probeHealth) {
    this(httpHost, httpPort, grpcPort, dbUrl, dataDir, clusterHost, clusterPort, clusterMembers, adminToken, probeToken,
        publicUrl, pingUrl, nodeId, deliveryRetryBase, deliveryMaxAttempts, heartbeatSweepInterval, probeHealth,
        DEFAULT_DELIVERY_CLAIM);
  }

  /** Defaults for a single node on this machine; tests and the CLI adjust what they need. */
  public static CoordinatorConfig defaults() {
    return new CoordinatorConfig("0.0.0.0", 8080, 9090, Optional.empty(), Path.of("quorate-data"),
        "127.0.0.1", 5701, List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), "coordinator-" + java.util.UUID.randomUUID().toString().substring(0, 8),
        Duration.ofSeconds(1), 10, Duration.ofSeconds(1), ProbeHealthLimits.DEFAULTS, DEFAULT_DELIVERY_CLAIM);
  }

  /** A copy with TLS on the probe link. */
  public CoordinatorConfig withGrpcTls(GrpcTls tls) {
    return new CoordinatorConfig(httpHost, httpPort, grpcPort, dbUrl, dataDir, clusterHost, clusterPort, clusterMembers,
        adminToken, probeToken, publicUrl, pingUrl, nodeId, deliveryRetryBase, deliveryMaxAttempts,
        heartbeatSweepInterval, probeHealth, deliveryClaim, Optional.of(tls), clusterDiscovery);
  }

  public String effectivePublicUrl(int actualHttpPort) {
    return publicUrl.orElse("http://localhost:" + actualHttpPort);
  }

  public String effectivePingUrl(int actualHttpPort) {
    return pingUrl.orElse(effectivePublicUrl(actualHttpPort));
  }

  private static void requirePort(String key, int port) {
    if (port < 0 || port > 65535) {
      throw new ConfigException(key, "must be a port between 0 and 65535, got " + port);
    }
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The checks on {@code --db-url} that can be made without connecting. */
  private static final class DatabaseUrlCheck {
    static void requireValid(String url) {
      if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
        throw new ConfigException("db-url", "must look like postgresql://user:password@host:5432/database");
      }
    }
  }
}
