package io.quorate.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProbeConfigTest {
  private static final ProbeConfig VALID = ProbeConfig.forRegion("eu-west", List.of("127.0.0.1:9090"), "s3cret");

  @Test
  void forRegionFillsInDefaults() {
    assertEquals("eu-west", VALID.region());
    assertTrue(VALID.nodeId().matches("eu-west-[0-9a-f]{8}"), VALID.nodeId());
    assertEquals(0, VALID.httpPort());
    assertEquals(Duration.ofMillis(500), VALID.reconnectBackoffMin());
    assertEquals(Duration.ofSeconds(15), VALID.reconnectBackoffMax());
    assertEquals(256, VALID.maxConcurrentChecks());
    assertEquals(100 * 1024, VALID.maxPingBodyBytes());
    assertEquals(100_000, VALID.outboxCapacity());
    assertEquals(List.of(), VALID.allowedTargets(), "no internal target allowed unless configured");
    assertEquals(List.of(new HostPort("127.0.0.1", 9090)), VALID.coordinatorAddresses());
  }

  @Test
  void neverShowsTheToken() {
    assertFalse(VALID.toString().contains("s3cret"), VALID.toString());
    assertFalse(VALID.describe().contains("s3cret"), VALID.describe());
    assertTrue(VALID.describe().contains("probe-token=****"), VALID.describe());
    assertEquals("****", Secret.of("s3cret").toString());
  }

  @Test
  void copiesChangeOneThing() {
    ProbeConfig copy = VALID.withHttp("0.0.0.0", 8081).withNodeId("probe-1").withMaxConcurrentChecks(8);
    assertEquals("0.0.0.0", copy.httpHost());
    assertEquals(8081, copy.httpPort());
    assertEquals("probe-1", copy.nodeId());
    assertEquals(8, copy.maxConcurrentChecks());
    assertEquals(VALID.region(), copy.region());
  }

  @Test
  void allowedTargetsAreValidatedAndShownInCanonicalForm() {
    ProbeConfig allowing = VALID.withAllowedTargets(List.of(" 10.1.2.3/8", "FD00::/8", "127.0.0.1", "10.0.0.0/8"));
    assertEquals(List.of("10.0.0.0/8", "fd00::/8", "127.0.0.1/32"), allowing.allowedTargets());
    assertTrue(allowing.describe().contains("allow-targets=10.0.0.0/8,fd00::/8,127.0.0.1/32"), allowing.describe());
    assertTrue(VALID.describe().contains("allow-targets=none"), VALID.describe());
    assertEquals(List.of(), VALID.withAllowedTargets(null).allowedTargets());
    assertEquals(allowing.allowedTargets(), allowing.withNodeId("other").allowedTargets(), "copies keep them");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("region", (UnaryOperator<ProbeConfig>) c -> ProbeConfig.forRegion("EU West", c.coordinators(), "t"),
            "region: must be 1 to 40 lowercase letters, digits or dashes, got \"EU West\""),
        Arguments.of("region", (UnaryOperator<ProbeConfig>) c -> ProbeConfig.forRegion(null, c.coordinators(), "t"),
            "region: is required"),
        Arguments.of("coordinator", (UnaryOperator<ProbeConfig>) c -> c.withCoordinators(List.of()),
            "coordinator: is required: host:port[,host:port...]"),
        Arguments.of("coordinator", (UnaryOperator<ProbeConfig>) c -> c.withCoordinators(List.of("localhost")),
            "coordinator: \"localhost\" is not host:port"),
        Arguments.of("coordinator", (UnaryOperator<ProbeConfig>) c -> c.withCoordinators(List.of("h:70000")),
            "coordinator: port must be 1 to 65535, got 70000"),
        Arguments.of("probe-token", (UnaryOperator<ProbeConfig>) c -> ProbeConfig.forRegion("eu-west", c.coordinators(), " "),
            "probe-token: is required"),
        Arguments.of("http-port", (UnaryOperator<ProbeConfig>) c -> c.withHttpPort(-1),
            "http-port: must be 0 to 65535, got -1"),
        Arguments.of("node-id", (UnaryOperator<ProbeConfig>) c -> c.withNodeId("has space"),
            "node-id: must be 1 to 100 letters, digits, dots, dashes, colons or underscores, got \"has space\""),
        Arguments.of("reconnect-backoff-max", (UnaryOperator<ProbeConfig>) c -> c.withReconnectBackoff(
            Duration.ofSeconds(2), Duration.ofSeconds(1)), "reconnect-backoff-max: must not be below reconnect-backoff-min (2000 ms)"),
        Arguments.of("max-concurrent-checks", (UnaryOperator<ProbeConfig>) c -> c.withMaxConcurrentChecks(0),
            "max-concurrent-checks: must be 1 to 100000, got 0"),
        Arguments.of("outbox-capacity", (UnaryOperator<ProbeConfig>) c -> c.withOutboxCapacity(0),
            "outbox-capacity: must be 1 to 10000000, got 0"),
        Arguments.of("allow-targets", (UnaryOperator<ProbeConfig>) c -> c.withAllowedTargets(List.of("10.0.0.0/33")),
            "allow-targets: \"10.0.0.0/33\": prefix must be 0 to 32"),
        Arguments.of("allow-targets", (UnaryOperator<ProbeConfig>) c -> c.withAllowedTargets(List.of("fd00::/200")),
            "allow-targets: \"fd00::/200\": prefix must be 0 to 128"),
        Arguments.of("allow-targets", (UnaryOperator<ProbeConfig>) c -> c.withAllowedTargets(List.of("intranet")),
            "allow-targets: \"intranet\" is not an IPv4 or IPv6 range such as 10.0.0.0/8 or fd00::/8"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("invalid")
  void refusesInvalidValuesNamingTheKey(String key, UnaryOperator<ProbeConfig> change, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> change.apply(VALID));
    assertEquals(key, e.key());
    assertEquals(message, e.getMessage());
  }

  @Test
  void parsesHostPortIncludingIpv6() {
    assertEquals(new HostPort("::1", 9090), HostPort.parse("[::1]:9090"));
    assertEquals("[::1]:9090", HostPort.parse("[::1]:9090").toString());
    assertEquals(new HostPort("coord-1.internal", 9090), HostPort.parse(" coord-1.internal:9090 "));
  }
}
