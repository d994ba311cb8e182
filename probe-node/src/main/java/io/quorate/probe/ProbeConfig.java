package io.quorate.probe;

import io.quorate.probe.target.Cidr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything a probe node needs, validated once. Invalid values throw {@link ConfigException} naming the
 * option (e.g. {@code region: must be 1 to 40 lowercase letters, digits or dashes, got "EU"}).
 *
 * @param region               where this probe runs, {@code [a-z0-9-]{1,40}}
 * @param nodeId               this process's name in logs and in the link's Hello
 * @param coordinators         gRPC addresses ({@code host:port}) of coordinator nodes, tried in turn
 * @param probeToken           the token the coordinators expect on the link
 * @param httpHost             address of /ping, /health and /metrics
 * @param httpPort             their port; 0 picks a free one
 * @param reconnectBackoffMin  first delay before reconnecting the link
 * @param reconnectBackoffMax  the delay doubles per failed attempt up to this
 * @param maxConcurrentChecks  checks in flight at once; more wait for a slot
 * @param maxPingBodyBytes     a heartbeat ping's body is cut to this many bytes
 * @param version              probe software version, sent in Hello and the User-Agent
 * @param linkIdleTimeout      the link is closed and reopened when nothing arrives for this long
 * @param linkConnectTimeout   TCP connect timeout towards a coordinator
 * @param outboxCapacity       unacknowledged events also kept in memory; more wait on disk only (README: spool)
 * @param allowedTargets       address ranges (CIDR, IPv4 or IPv6) checks may reach although the target-safety
 *                             rules refuse them by default, e.g. {@code 10.0.0.0/8}; normalized, never null
 * @param spoolDir             directory of the durable spool of pings and observations; one per probe node
 * @param spoolMaxBytes        the spool's size limit: beyond it pings are answered 503
 * @param pingRatePerSecond    pings a second one monitor may send to this probe (bursts of twice that); 429 beyond
 * @param connectivityUrls     http(s) URLs the probe fetches to check its own connectivity; any answer counts as
 *                             reachable. Empty: the probe judges from its checks (every target unreachable)
 * @param linkTls              TLS towards the coordinators; {@link LinkTls#OFF} for plaintext
 */
public record ProbeConfig(String region, String nodeId, List<String> coordinators, Secret probeToken,
    String httpHost, int httpPort, Duration reconnectBackoffMin, Duration reconnectBackoffMax,
    int maxConcurrentChecks, int maxPingBodyBytes, String version, Duration linkIdleTimeout,
    Duration linkConnectTimeout, int outboxCapacity, List<String> allowedTargets, Path spoolDir, long spoolMaxBytes,
    int pingRatePerSecond, List<String> connectivityUrls, LinkTls linkTls) {

  public static final String DEFAULT_HTTP_HOST = "0.0.0.0";
  public static final int DEFAULT_HTTP_PORT = 8081;
  public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofMillis(500);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(15);
  public static final int DEFAULT_MAX_CONCURRENT_CHECKS = 256;
  public static final int DEFAULT_MAX_PING_BODY_BYTES = 100 * 1024;
  public static final Duration DEFAULT_LINK_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_LINK_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_OUTBOX_CAPACITY = 100_000;
  public static final long DEFAULT_SPOOL_MAX_BYTES = 1024L * 1024 * 1024;
  public static final int DEFAULT_PING_RATE_PER_SECOND = 60;
  /** The version of this build, from the jar. */
  public static final String SOFTWARE_VERSION = readVersion();

  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");
  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  public ProbeConfig {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new ConfigException("region", region == null || region.isBlank() ? "is required"
          : "must be 1 to 40 lowercase letters, digits or dashes, got \"" + region + "\"");
    }
    if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
      throw new ConfigException("node-id", "must be 1 to 100 letters, digits, dots, dashes, colons or underscores, got \""
          + nodeId + "\"");
    }
    coordinators = validCoordinators(coordinators);
    if (probeToken == null || probeToken.isBlank()) {
      throw new ConfigException("probe-token", "is required");
    }
    if (httpHost == null || httpHost.isBlank()) {
      throw new ConfigException("http-host", "is required");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new ConfigException("http-port", "must be 0 to 65535, got " + httpPort);
    }
    positive("reconnect-backoff-min", reconnectBackoffMin);
    positive("reconnect-backoff-max", reconnectBackoffMax);
    if (reconnectBackoffMax.compareTo(reconnectBackoffMin) < 0) {
      throw new ConfigException("reconnect-backoff-max", "must not be below reconnect-backoff-min ("
          + reconnectBackoffMin.toMillis() + " ms)");
    }
    range("max-concurrent-checks", maxConcurrentChecks, 1, 100_000);
    range("max-ping-body-bytes", maxPingBodyBytes, 0, 10 * 1024 * 1024);
    if (version == null || version.isBlank()) {
      throw new ConfigException("version", "is required");
    }
    positive("link-idle-timeout", linkIdleTimeout);
    positive("link-connect-timeout", linkConnectTimeout);
    range("outbox-capacity", outboxCapacity, 1, 10_000_000);
    allowedTargets = validRanges(allowedTargets);
    if (spoolDir == null) {
      throw new ConfigException("spool-dir", "is required");
    }
    if (spoolMaxBytes < 1024 * 1024) {
      throw new ConfigException("spool-max-bytes", "must be at least 1048576 (1 MiB), got " + spoolMaxBytes);
    }
    range("ping-rate-per-second", pingRatePerSecond, 1, 1_000_000);
    connectivityUrls = validUrls(connectivityUrls);
    if (linkTls == null) {
      throw new ConfigException("coordinator-tls", "is required (LinkTls.OFF for plaintext)");
    }
  }

  /**
   * Defaults for everything but the essentials: a random node id, loopback HTTP on a free port (0), and
   * the default backoff, limits and version. For tests and embedding; adjust with the {@code with...} copies.
   */
  public static ProbeConfig forRegion(String region, List<String> coordinators, String probeToken) {
    return new ProbeConfig(region, defaultNodeId(region), coordinators, Secret.of(probeToken == null ? "" : probeToken),
        "127.0.0.1", 0, DEFAULT_BACKOFF_MIN, DEFAULT_BACKOFF_MAX, DEFAULT_MAX_CONCURRENT_CHECKS,
        DEFAULT_MAX_PING_BODY_BYTES, SOFTWARE_VERSION, DEFAULT_LINK_IDLE_TIMEOUT, DEFAULT_LINK_CONNECT_TIMEOUT,
        DEFAULT_OUTBOX_CAPACITY, List.of(), temporarySpoolDir(), DEFAULT_SPOOL_MAX_BYTES, DEFAULT_PING_RATE_PER_SECOND,
        List.of(), LinkTls.OFF);
  }

  /** A fresh directory for an embedded node that was given none; a restart with it needs {@link #withSpool}. */
  private static Path temporarySpoolDir() {
    try {
      return Files.createTempDirectory("quorate-spool-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary spool directory", e);
    }
  }

  /** {@code <region>-<8 random hex digits>}; a region that is not valid is left for validation to report. */
  public static String defaultNodeId(String region) {
    String prefix = region == null || !REGION.matcher(region).matches() ? "probe" : region;
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public List<HostPort> coordinatorAddresses() {
    return coordinators.stream().map(HostPort::parse).toList();
  }

  public ProbeConfig withNodeId(String value) {
    return new ProbeConfig(region, value, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout,
        outboxCapacity, allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  public ProbeConfig withCoordinators(List<String> value) {
    return new ProbeConfig(region, nodeId, value, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout,
        outboxCapacity, allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  public ProbeConfig withHttp(String host, int port) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, host, port, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout,
        outboxCapacity, allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  public ProbeConfig withHttpPort(int port) {
    return withHttp(httpHost, port);
  }

  public ProbeConfig withReconnectBackoff(Duration min, Duration max) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, min, max,
        maxConcurrentChecks, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout, outboxCapacity,
        allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  public ProbeConfig withMaxConcurrentChecks(int value) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, value, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout, outboxCapacity,
        allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  public ProbeConfig withMaxPingBodyBytes(int value) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, value, version, linkIdleTimeout, linkConnectTimeout,
        outboxCapacity, allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  public ProbeConfig withVersion(String value) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, value, linkIdleTimeout, linkConnectTimeout,
        outboxCapacity, allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  public ProbeConfig withLinkTimeouts(Duration idle, Duration connect) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, version, idle, connect, outboxCapacity,
        allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  public ProbeConfig withOutboxCapacity(int value) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout,
        value, allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  /**
   * A copy whose checks may reach these ranges (CIDR, e.g. {@code 127.0.0.0/8}) despite the target-safety
   * rules; replaces the ranges allowed before.
   */
  public ProbeConfig withAllowedTargets(List<String> cidrs) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout,
        outboxCapacity, cidrs, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  /** A copy whose spool is {@code dir}, at most {@code maxBytes} large. */
  public ProbeConfig withSpool(Path dir, long maxBytes) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout,
        outboxCapacity, allowedTargets, dir, maxBytes, pingRatePerSecond, connectivityUrls, linkTls);
  }

  public ProbeConfig withPingRatePerSecond(int value) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout,
        outboxCapacity, allowedTargets, spoolDir, spoolMaxBytes, value, connectivityUrls, linkTls);
  }

  /** A copy that checks its own connectivity by fetching {@code urls}. */
  public ProbeConfig withConnectivityUrls(List<String> urls) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout,
        outboxCapacity, allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, urls, linkTls);
  }

  /** A copy with this TLS towards the coordinators. */
  public ProbeConfig withLinkTls(LinkTls value) {
    return new ProbeConfig(region, nodeId, coordinators, probeToken, httpHost, httpPort, reconnectBackoffMin,
        reconnectBackoffMax, maxConcurrentChecks, maxPingBodyBytes, version, linkIdleTimeout, linkConnectTimeout,
        outboxCapacity, allowedTargets, spoolDir, spoolMaxBytes, pingRatePerSecond, connectivityUrls, value);
  }

  /** The effective configuration as {@code key=value} lines, the token shown as {@code ****}. */
  public String describe() {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("region", region);
    shown.put("node-id", nodeId);
    shown.put("coordinator", String.join(",", coordinators));
    shown.put("probe-token", probeToken);
    shown.put("coordinator-tls", linkTls.describe());
    shown.put("http-host", httpHost);
    shown.put("http-port", httpPort);
    shown.put("reconnect-backoff-min", reconnectBackoffMin.toMillis() + "ms");
    shown.put("reconnect-backoff-max", reconnectBackoffMax.toMillis() + "ms");
    shown.put("max-concurrent-checks", maxConcurrentChecks);
    shown.put("max-ping-body-bytes", maxPingBodyBytes);
    shown.put("link-idle-timeout", linkIdleTimeout.toMillis() + "ms");
    shown.put("link-connect-timeout", linkConnectTimeout.toMillis() + "ms");
    shown.put("outbox-capacity", outboxCapacity);
    shown.put("spool-dir", spoolDir);
    shown.put("spool-max-bytes", spoolMaxBytes);
    shown.put("ping-rate-per-second", pingRatePerSecond);
    shown.put("allow-targets", allowedTargets.isEmpty() ? "none" : String.join(",", allowedTargets));
    shown.put("connectivity-urls", connectivityUrls.isEmpty() ? "none" : String.join(",", connectivityUrls));
    shown.put("version", version);
    return shown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
  }

  private static List<String> validCoordinators(List<String> coordinators) {
    if (coordinators == null || coordinators.isEmpty()) {
      throw new ConfigException("coordinator", "is required: host:port[,host:port...]");
    }
    List<String> trimmed = coordinators.stream().map(c -> c == null ? "" : c.strip()).toList();
    for (String coordinator : trimmed) {
      try {
        HostPort.parse(coordinator);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("coordinator", e.getMessage());
      }
    }
    return List.copyOf(trimmed);
  }

  /** Each range parsed and shown in canonical form ({@code 10.1.2.3/8} becomes {@code 10.0.0.0/8}). */
  private static List<String> validRanges(List<String> cidrs) {
    if (cidrs == null) {
      return List.of();
    }
    try {
      return cidrs.stream().map(c -> Cidr.parse(c).toString()).distinct().toList();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("allow-targets", e.getMessage());
    }
  }

  private static List<String> validUrls(List<String> urls) {
    if (urls == null) {
      return List.of();
    }
    for (String url : urls) {
      try {
        java.net.URI uri = new java.net.URI(url);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
          throw new ConfigException("connectivity-urls", "must be http(s) URLs with a host, got \"" + url + "\"");
        }
      } catch (java.net.URISyntaxException e) {
        throw new ConfigException("connectivity-urls", "is not a URL: \"" + url + "\"");
      }
    }
    return List.copyOf(urls);
  }

  private static void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ConfigException(key, "must be a positive duration, got " + value);
    }
  }

  private static void range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ConfigException(key, "must be " + min + " to " + max + ", got " + value);
    }
  }

  private static String readVersion() {
    try (InputStream in = ProbeConfig.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      String version = properties.getProperty("version", "");
      return version.isBlank() || version.startsWith("${") ? "dev" : version;
    } catch (IOException e) {
      return "dev";
    }
  }
}
