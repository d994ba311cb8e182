package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.CuttableProxy;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.TestClock;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.coordinator.support.TestProbes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The watermark rule end to end: three real probe nodes (eu, us, ap) reach one coordinator through proxies
 * that can cut a region off, while their workers keep pinging them. All share one hand-moved clock. Quorum
 * is the default majority, 2 of 3. A cut-off region must neither hold back a real outage nor, when its
 * pings arrive late, leave a false alarm standing; and nothing a probe answered 200 is lost or counted twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeartbeatWatermarkTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> REGIONS = List.of("eu", "us", "ap");
  private final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final Map<String, CuttableProxy> links = new LinkedHashMap<>();
  private TestCluster cluster;
  private Api api;
  private TestProbes probes;

  @BeforeAll
  void start() {
    cluster = TestCluster.start(1, TestDatabase.create(), Duration.ofMillis(200), clock);
    api = cluster.api(0);
    int grpcPort = Integer.parseInt(cluster.grpcAddresses().get(0).split(":")[1]);
    probes = new TestProbes(clock);
    for (String region : REGIONS) {
      CuttableProxy link = new CuttableProxy(grpcPort);
      links.put(region, link);
      probes.add(region, List.of(link.address()), TestCluster.PROBE_TOKEN);
    }
    Eventually.until(WAIT, "every probe connected", probes::allConnected);
  }

  @AfterEach
  void reconnectEveryRegion() {
    links.values().forEach(CuttableProxy::restore);
    Eventually.until(WAIT, "every probe connected again", probes::allConnected);
  }

  @AfterAll
  void stop() {
    probes.close();
    links.values().forEach(CuttableProxy::close);
    cluster.close();
  }

  /** A 5-minute heartbeat with 1 minute of grace, pinged once through eu, every region caught up. */
  private JsonObject pingedHeartbeat(String name) {
    JsonObject monitor = api.createMonitor(new JsonObject().put("type", "heartbeat").put("name", name)
        .put("period", "5m").put("grace", "1m"));
    for (String region : REGIONS) {
      Eventually.until(WAIT, region + " knows the new heartbeat", () -> ping(region, monitor) == 200);
    }
    Eventually.until(WAIT, "the first ping of each region stored", () -> pings(monitor).size() == REGIONS.size());
    allRegionsCaughtUp(monitor);
    return monitor;
  }

  /** What the probe answered; 200 means it is durable in that region's spool. */
  private int ping(String region, JsonObject monitor) {
    return probes.pinger(region).post("/ping/" + monitor.getString("ping_id"), "from " + region).status();
  }

  private JsonObject heartbeat(JsonObject monitor) {
    return api.get("/api/v1/monitors/" + monitor.getString("id")).json().getJsonObject("heartbeat");
  }

  private void allRegionsCaughtUp(JsonObject monitor) {
    Eventually.until(WAIT, "a quorum of watermarks at " + clock.instant(),
        () -> heartbeat(monitor).getString("known_until").equals(clock.instant().toString()));
  }

  private void cut(String... regions) {
    for (String region : regions) {
      links.get(region).cut();
      Eventually.until(WAIT, region + " disconnected", () -> !probes.probe(region).linkConnected());
    }
  }

  private JsonObject resolvedIncident(String incidentId) {
    return api.get("/api/v1/incidents?state=resolved").json().getJsonArray("incidents").stream()
        .map(JsonObject.class::cast).filter(i -> i.getString("id").equals(incidentId)).findFirst().orElse(null);
  }

  private void noIncidentFor(JsonObject monitor) {
    Eventually.during(Duration.ofSeconds(2), "no incident",
        () -> api.openIncident(monitor.getString("id")) == null);
  }

  @Test
  void aRealOutageIsDeclaredWhileOneRegionIsCutOffAndStaysOpenWhenItReturns() {
    JsonObject monitor = pingedHeartbeat("Receipt emails");
    cut("ap");
    clock.advance(Duration.ofMinutes(6).plusSeconds(30));
    JsonObject incident = Eventually.value(WAIT, "eu and us, a quorum, show the deadline passed without a ping",
        () -> api.openIncident(monitor.getString("id")));
    assertEquals("missed", incident.getString("cause"));
    JsonObject heartbeat = heartbeat(monitor);
    assertEquals("down", heartbeat.getString("state"));
    assertEquals(new JsonArray().add("ap"), heartbeat.getJsonArray("regions_behind"),
        "ap has not delivered up to the deadline, and did not need to: eu and us are a quorum");

    links.get("ap").restore();
    Eventually.until(WAIT, "ap reconnected", () -> probes.probe("ap").linkConnected());
    allRegionsCaughtUp(monitor);
    Eventually.during(Duration.ofSeconds(2), "the outage stays open: ap had nothing either",
        () -> api.openIncident(monitor.getString("id")) != null);
  }

  @Test
  void aPingHeldInACutOffRegionResolvesTheIncidentAsAFalseAlarmWhenItArrives() {
    JsonObject monitor = pingedHeartbeat("Nightly export");
    Instant deadline = clock.instant().plus(Duration.ofMinutes(6));
    cut("ap");
    clock.advance(Duration.ofMinutes(5).plusSeconds(40));
    Instant heldPingAt = clock.instant();
    assertEquals(200, ping("ap", monitor), "a cut-off probe still takes pings: its spool keeps them");
    clock.advance(Duration.ofSeconds(50));
    JsonObject incident = Eventually.value(WAIT, "eu and us see no ping by the deadline",
        () -> api.openIncident(monitor.getString("id")));

    links.get("ap").restore();
    Eventually.until(WAIT, "the incident resolves once ap delivers",
        () -> resolvedIncident(incident.getString("id")) != null);
    JsonObject resolved = resolvedIncident(incident.getString("id"));
    assertTrue(resolved.getBoolean("false_alarm"), resolved.encode());
    assertTrue(resolved.getString("resolution").contains("in ap, before the deadline"), resolved.getString("resolution"));
    assertEquals(heldPingAt.toString(), heartbeat(monitor).getString("last_success_at"),
        "the ping keeps the time ap received it");
    assertTrue(heldPingAt.isBefore(deadline));
  }

  @Test
  void withTwoRegionsCutOffNothingIsDeclaredUntilAQuorumHasDelivered() {
    JsonObject monitor = pingedHeartbeat("Invoice sync");
    cut("us", "ap");
    clock.advance(Duration.ofMinutes(7));
    Eventually.until(WAIT, "eu alone is past the deadline",
        () -> heartbeat(monitor).getJsonArray("regions_behind").equals(new JsonArray().add("ap").add("us")));
    JsonObject heartbeat = heartbeat(monitor);
    assertEquals("late", heartbeat.getString("state"), heartbeat.encode());
    assertTrue(heartbeat.getBoolean("waiting_for_regions"), heartbeat.encode());
    noIncidentFor(monitor);

    assertEquals(200, ping("us", monitor), "a ping us took before the deadline became known");
    links.get("us").restore();
    Eventually.until(WAIT, "us reconnected", () -> probes.probe("us").linkConnected());
    Eventually.until(WAIT, "us delivered", () -> heartbeat(monitor).getString("last_success_region").equals("us"));
    noIncidentFor(monitor);
  }

  @Test
  void pingsSpooledWhileTheCoordinatorWasUnreachableArriveOnceEachAlsoAcrossAProbeRestart() {
    JsonObject monitor = pingedHeartbeat("Sidekiq mailers");
    int before = pings(monitor).size();
    cut("eu", "us", "ap");
    int accepted = 0;
    for (int i = 0; i < 20; i++) {
      for (String region : REGIONS) {
        clock.advance(Duration.ofMillis(10));
        assertEquals(200, ping(region, monitor));
        accepted++;
      }
      if (i == 10) {
        probes.restart("us");
      }
    }
    links.values().forEach(CuttableProxy::restore);
    int expected = before + accepted;
    Eventually.until(WAIT, expected + " pings stored", () -> pings(monitor).size() >= expected);
    Eventually.during(Duration.ofSeconds(2), "no ping counted twice", () -> pings(monitor).size() == expected);
    assertEquals(expected, pings(monitor).size());
    Set<String> times = new HashSet<>();
    for (Object ping : pings(monitor)) {
      times.add(((JsonObject) ping).getString("received_at"));
    }
    assertEquals(accepted + 1, times.size(),
        "each spooled ping keeps its own receive time (the first three share the creation instant)");
    assertFalse(probes.probe("us").config().nodeId().isEmpty());
  }

  private JsonArray pings(JsonObject monitor) {
    return api.get("/api/v1/monitors/" + monitor.getString("id") + "/pings?limit=1000").json().getJsonArray("pings");
  }
}
