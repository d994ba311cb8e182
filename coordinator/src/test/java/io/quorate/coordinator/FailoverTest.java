package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.QueueEndpoint;
import io.quorate.coordinator.support.RecordingWebhook;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.coordinator.support.TestProbes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A coordinator node stops while probes are linked to it: the probes move to the other node, events they
 * took in meanwhile arrive exactly once, and incidents and alerts still happen exactly once.
 */
class FailoverTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  private TestDatabase db;
  private TestCluster cluster;
  private TestProbes probes;
  private QueueEndpoint queues;
  private RecordingWebhook webhook;

  @AfterEach
  void stop() {
    probes.close();
    cluster.close();
    queues.close();
    webhook.close();
  }

  @Test
  void probesMoveToTheOtherNodeWithoutLosingOrRepeatingAnything() {
    db = TestDatabase.create();
    cluster = TestCluster.start(2, db, Duration.ofMillis(200));
    queues = new QueueEndpoint();
    webhook = new RecordingWebhook();
    Api survivor = cluster.api(1);
    survivor.createWebhookChannel(webhook.url());
    // Node 0 is first in every probe's list, so all three link to it.
    probes = TestProbes.start(cluster.grpcAddresses(), TestCluster.PROBE_TOKEN, REGIONS.toArray(String[]::new));
    Eventually.until(WAIT, "all probes linked to node 0", () -> regionsOn(0) == 3);

    JsonObject queue = survivor.createMonitor(new JsonObject().put("name", "Emails").put("type", "http")
        .put("url", queues.url("emails")).put("interval", "1s").put("timeout", "500ms")
        .put("conditions", new JsonArray().add("[BODY].enqueued < 1000")).put("regions", new JsonArray(REGIONS)));
    JsonObject heartbeat = survivor.createMonitor(new JsonObject().put("name", "Cleanup").put("type", "heartbeat")
        .put("period", "1h"));
    String pingPath = "/ping/" + heartbeat.getString("ping_id");
    Eventually.until(WAIT, "the heartbeat is assigned", () -> probes.http("eu-west").post(pingPath, "warm-up").status() == 200);
    Eventually.until(WAIT, "observations flow", () -> db.count("SELECT count(*) FROM observations") >= 6);

    cluster.stop(0);
    int pingsWhileMoving = 20;
    for (int i = 0; i < pingsWhileMoving; i++) {
      assertEquals(200, probes.http(REGIONS.get(i % 3)).post(pingPath, "run " + i).status());
    }

    Eventually.until(WAIT, "all probes linked to node 1", () -> regionsOn(1) == 3);
    String countPings = "SELECT count(*) FROM pings WHERE monitor_id = ?::uuid AND body LIKE 'run %'";
    Eventually.until(WAIT, "every ping taken in while moving is stored",
        () -> db.count(countPings, heartbeat.getString("id")) == pingsWhileMoving);
    Eventually.during(Duration.ofSeconds(2), "and none twice", () -> db.count(countPings, heartbeat.getString("id")) == pingsWhileMoving);
    assertEquals(0, db.count("SELECT count(*) - count(DISTINCT (region, observed_at)) FROM observations"),
        "no observation was stored twice under a new id");

    String id = queue.getString("id");
    queues.fail("emails", "eu-west", "ap-south");
    Eventually.until(WAIT, "the surviving node opens the incident and alerts once",
        () -> webhook.accepted(id, "incident.opened").size() == 1);
    Eventually.during(Duration.ofSeconds(2), "exactly once", () -> webhook.requestsFor(id).size() == 1);
    assertEquals(1, db.count("SELECT count(*) FROM incidents WHERE monitor_id = ?::uuid", id));
  }

  private int regionsOn(int node) {
    try {
      return new Api(cluster.node(node).httpPort(), null).get("/health").json().getJsonArray("probe_regions_connected").size();
    } catch (RuntimeException stopped) {
      return -1;
    }
  }
}
