package io.quorate.coordinator.region;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.coordinator.config.ProbeHealthLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whether a probe region votes, as a table: what its nodes last reported, and the verdict in words. */
class RegionHealthTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final ProbeHealthLimits LIMITS = new ProbeHealthLimits(Duration.ofSeconds(60), Duration.ofMinutes(2));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("one live node reporting well", List.of(node("a", 5, true, 2)), "healthy"),
        Arguments.of("the only node disconnected 10 s ago: moving to another coordinator node",
            List.of(gone("a", 10)), "reconnecting"),
        Arguments.of("the only node disconnected 3 min ago",
            List.of(gone("a", 180)), "DEGRADED probe disconnected: no node heard from for 3m"),
        Arguments.of("linked but silent for 90 s (its coordinator node died)",
            List.of(node("a", 90, true, 1)), "DEGRADED probe disconnected: no node heard from for 1m30s"),
        Arguments.of("its own connectivity check fails",
            List.of(cutOff("a")), "DEGRADED probe cannot reach the network: connectivity check failed: timeout"),
        Arguments.of("one of two nodes cut off: the other still votes for the region",
            List.of(cutOff("a"), node("b", 1, true, 1)), "healthy"),
        Arguments.of("its newest watermark is 5 min old",
            List.of(node("a", 1, true, 300)), "DEGRADED probe lagging: what it reports is 5m behind (7 events waiting)"),
        Arguments.of("no watermark yet is not lag", List.of(new ProbeNode("a", "eu-west", "1", "c1", NOW, NOW,
            Optional.empty(), true, "", 0, Optional.empty())), "healthy"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judgesTheRegion(String situation, List<ProbeNode> nodes, String expected) {
    RegionHealth health = RegionHealth.assess(nodes, NOW, LIMITS).get(0);
    assertEquals(expected, (health.degraded() ? "DEGRADED " : "") + health.reason(), situation);
  }

  private static ProbeNode node(String id, int seenSecondsAgo, boolean connectivityOk, int watermarkSecondsAgo) {
    return new ProbeNode(id, "eu-west", "1.0", "coordinator-1", NOW.minusSeconds(3600),
        NOW.minusSeconds(seenSecondsAgo), Optional.empty(), connectivityOk,
        connectivityOk ? "" : "connectivity check failed: timeout", 7, Optional.of(NOW.minusSeconds(watermarkSecondsAgo)));
  }

  private static ProbeNode cutOff(String id) {
    return node(id, 2, false, 1);
  }

  private static ProbeNode gone(String id, int secondsAgo) {
    return new ProbeNode(id, "eu-west", "1.0", "coordinator-1", NOW.minusSeconds(3600), NOW.minusSeconds(secondsAgo + 3),
        Optional.of(NOW.minusSeconds(secondsAgo)), true, "", 0, Optional.of(NOW.minusSeconds(secondsAgo + 3)));
  }
}
