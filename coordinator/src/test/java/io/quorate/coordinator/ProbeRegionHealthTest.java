package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.config.ProbeHealthLimits;
import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.QueueEndpoint;
import io.quorate.coordinator.support.RecordingWebhook;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.coordinator.support.TestProbes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A probe region that cannot reach the network, or is disconnected, stops voting and raises one "probe
 * region degraded" alert to the operators' channel, instead of paging the owners of every monitor; when
 * it is healthy again it votes again and the operators hear that it recovered.
 */
class ProbeRegionHealthTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  private TestCluster cluster;
  private TestProbes probes;
  private QueueEndpoint queues;
  private RecordingWebhook operators;

  @AfterEach
  void stop() {
    probes.close();
    cluster.close();
    queues.close();
    operators.close();
  }

  @Test
  void aDegradedRegionIsLeftOutOfTheVoteAndOnlyTheOperatorsAreTold() {
    TestDatabase db = TestDatabase.create();
    cluster = TestCluster.start(2, db, Duration.ofMillis(200), 10, Clock.systemUTC(),
        new ProbeHealthLimits(Duration.ofSeconds(10), Duration.ofMinutes(10)));
    queues = new QueueEndpoint();
    operators = new RecordingWebhook();
    Api api = cluster.api(0);
    api.createChannel(new JsonObject().put("type", "webhook").put("url", operators.url()).put("operator_alerts", true));
    String unreachable = "http://127.0.0.1:" + TestCluster.freePort() + "/";
    probes = new TestProbes(Clock.systemUTC());
    probes.add("eu-west", cluster.grpcAddresses(), TestCluster.PROBE_TOKEN);
    probes.add("us-east", cluster.grpcAddresses(), TestCluster.PROBE_TOKEN);
    probes.add("ap-south", cluster.grpcAddresses(), TestCluster.PROBE_TOKEN,
        config -> config.withConnectivityUrls(List.of(unreachable)));

    Eventually.until(WAIT, "ap-south is degraded: its connectivity check fails",
        () -> region(api, "ap-south").map(r -> r.getString("state").equals("degraded")).orElse(false));
    JsonObject apSouth = region(api, "ap-south").orElseThrow();
    assertTrue(apSouth.getString("reason").startsWith("probe cannot reach the network: connectivity check failed: "
        + unreachable + ": "), apSouth.encode());
    assertEquals(false, apSouth.getBoolean("votes"));
    JsonObject node = apSouth.getJsonArray("nodes").getJsonObject(0);
    assertEquals(false, node.getBoolean("connectivity_ok"));
    assertEquals(true, node.getBoolean("connected"));
    assertEquals("healthy", region(api, "eu-west").orElseThrow().getString("state"));
    Eventually.until(WAIT, "the operators are told once", () -> degradedAlerts("ap-south") == 1);
    String text = operators.requestsFor("region:ap-south").get(0).body().getString("text");
    assertTrue(text.startsWith("PROBE REGION DEGRADED: ap-south. Probe cannot reach the network"), text);

    // ap-south fails everything (its network is broken) while eu-west has a blip: 2 of 3 would page.
    JsonObject monitor = api.createMonitor(new JsonObject().put("name", "Emails").put("type", "http")
        .put("url", queues.url("emails")).put("interval", "1s").put("timeout", "500ms").put("quorum", 2)
        .put("conditions", new JsonArray().add("[BODY].enqueued < 1000")).put("regions", new JsonArray(REGIONS)));
    String id = monitor.getString("id");
    queues.fail("emails", "eu-west", "ap-south");
    Eventually.until(WAIT, "eu-west and ap-south both report the queue down",
        () -> verdict(api, id, "eu-west").equals("down") && verdict(api, id, "ap-south").equals("down"));
    String decision = api.get("/api/v1/monitors/" + id).json().getString("decision");
    assertTrue(decision.contains("1 of 3 regions down (eu-west): below quorum 2, no alert"), decision);
    assertTrue(decision.contains("excluded (ap-south: probe cannot reach the network"), decision);
    Eventually.during(Duration.ofSeconds(3), "no incident and no page for the monitor",
        () -> operators.requestsFor(id).isEmpty() && db.count("SELECT count(*) FROM incidents") == 0);

    // us-east's probe goes away: after the limit the region is disconnected; back, it recovers.
    queues.recover("emails");
    probes.stop("us-east");
    Eventually.until(WAIT, "us-east is disconnected",
        () -> region(api, "us-east").orElseThrow().getString("reason").startsWith("probe disconnected: no node heard"));
    Eventually.until(WAIT, "the operators are told once", () -> degradedAlerts("us-east") == 1);
    probes.start("us-east");
    Eventually.until(WAIT, "us-east votes again", () -> region(api, "us-east").orElseThrow().getBoolean("votes"));
    Eventually.until(WAIT, "the operators hear it recovered",
        () -> operators.accepted("region:us-east", "region.recovered").size() == 1);
    Eventually.during(Duration.ofSeconds(2), "each alert exactly once, though both nodes judge every region",
        () -> degradedAlerts("us-east") == 1 && degradedAlerts("ap-south") == 1
            && operators.requestsFor("region:us-east").size() == 2);
    assertEquals(1, db.count("SELECT count(*) FROM region_incidents WHERE region = 'ap-south' AND resolved_at IS NULL"));
  }

  private int degradedAlerts(String region) {
    return operators.accepted("region:" + region, "region.degraded").size();
  }

  private static Optional<JsonObject> region(Api api, String name) {
    JsonArray regions = api.get("/api/v1/probes").json().getJsonArray("regions");
    return regions.stream().map(JsonObject.class::cast).filter(r -> r.getString("region").equals(name)).findFirst();
  }

  private static String verdict(Api api, String monitorId, String region) {
    return api.get("/api/v1/monitors/" + monitorId).json().getJsonArray("region_verdicts").stream()
        .map(JsonObject.class::cast).filter(v -> v.getString("region").equals(region)).findFirst()
        .map(v -> v.getString("verdict")).orElse("none");
  }
}
