package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.QueueEndpoint;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.coordinator.support.TestProbes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "Test now": a draft monitor runs once from every region, through probes linked to different coordinator
 * nodes, and the answer shows each region's condition lines; nothing is saved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckTestApiTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private TestDatabase db;
  private TestCluster cluster;
  private TestProbes probes;
  private QueueEndpoint queues;
  private Api api;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(2, db, Duration.ofMillis(200));
    queues = new QueueEndpoint();
    api = cluster.api(0);
    List<String> nodeZeroFirst = cluster.grpcAddresses();
    List<String> nodeOneFirst = List.of(nodeZeroFirst.get(1), nodeZeroFirst.get(0));
    probes = TestProbes.start(nodeZeroFirst, TestCluster.PROBE_TOKEN, "eu-west", "us-east");
    probes.add("ap-south", nodeOneFirst, TestCluster.PROBE_TOKEN);
    Eventually.until(WAIT, "all probes linked", probes::allConnected);
  }

  @AfterAll
  void stop() {
    probes.close();
    cluster.close();
    queues.close();
  }

  private JsonObject draft(String queue, String... regions) {
    return new JsonObject().put("type", "http").put("url", queues.url(queue)).put("timeout", "2s")
        .put("conditions", new JsonArray().add("[STATUS] == 200").add("[BODY].enqueued < 1000"))
        .put("series", new JsonObject().put("depth", "[BODY].enqueued"))
        .put("regions", new JsonArray(List.of(regions)));
  }

  @Test
  void runsADraftFromEveryRegionAndShowsEachRegionsConditionLinesWithoutSavingIt() {
    queues.fail("orders", "eu-west");
    long monitorsBefore = db.count("SELECT count(*) FROM monitors");
    Api.Response response = api.post("/api/v1/monitors/test", draft("orders", "eu-west", "us-east", "ap-south").encode());
    assertEquals(200, response.status(), response.body());
    JsonObject report = response.json();
    assertEquals("2 of 3 regions passed; failed: eu-west", report.getString("summary"));
    Map<String, JsonObject> byRegion = byRegion(report.getJsonArray("results"));
    assertEquals(List.of("ap-south", "eu-west", "us-east"), byRegion.keySet().stream().sorted().toList(),
        "ap-south is linked to the other coordinator node and still answers");

    JsonObject euWest = byRegion.get("eu-west");
    assertEquals("down", euWest.getString("outcome"));
    assertEquals("condition_breached", euWest.getString("failure_kind"));
    assertEquals(List.of("[STATUS] (200) == 200 — passed", "[BODY].enqueued (5234) < 1000 — failed"), lines(euWest));
    assertEquals(5234.0, euWest.getJsonObject("series").getDouble("depth"));

    JsonObject usEast = byRegion.get("us-east");
    assertEquals("up", usEast.getString("outcome"));
    assertEquals(200, usEast.getInteger("status_code"));
    assertEquals(12.0, usEast.getJsonObject("series").getDouble("depth"));

    assertEquals(monitorsBefore, db.count("SELECT count(*) FROM monitors"), "a test run saves no monitor");
  }

  @Test
  void namesTheRegionsNoProbeCouldRunItFrom() {
    Api.Response response = api.post("/api/v1/monitors/test", draft("payments", "us-east", "sa-east").encode());
    assertEquals(200, response.status(), response.body());
    assertEquals("1 of 2 regions passed; no probe connected: sa-east", response.json().getString("summary"));
    assertEquals(new JsonArray().add("sa-east"), response.json().getJsonArray("regions_without_probe"));
  }

  @Test
  void testsASavedMonitorWithItsStoredTokenWhenTheEditSendsItBackRedacted() {
    JsonObject created = api.createMonitor(draft("invoices", "us-east").put("name", "Invoices")
        .put("auth", new JsonObject().put("type", "bearer").put("token", "queue-s3cret")));
    String id = created.getString("id");
    JsonObject edited = created.copy().put("conditions", new JsonArray().add("[BODY].enqueued < 5"));
    Api.Response response = api.post("/api/v1/monitors/" + id + "/test", edited.encode());
    assertEquals(200, response.status(), response.body());
    JsonObject usEast = byRegion(response.json().getJsonArray("results")).get("us-east");
    assertEquals(List.of("[BODY].enqueued (12) < 5 — failed"), lines(usEast), "the edited conditions ran");
    assertTrue(queues.seenHeaders().stream().anyMatch(h -> h.get("queue").equals("invoices")
        && h.get("authorization").equals("Bearer queue-s3cret")), "the probe sent the stored token");
    assertEquals(1L, api.get("/api/v1/monitors/" + id).json().getLong("version"), "testing an edit does not save it");
    assertTrue(!response.body().contains("queue-s3cret"), "the token is not echoed");
  }

  @Test
  void refusesAnInvalidDraftNamingTheField() {
    JsonObject bad = draft("orders", "us-east").put("conditions", new JsonArray().add("[BODY].enqueued <<< 3"));
    Api.Response response = api.post("/api/v1/monitors/test", bad.encode());
    assertEquals(400, response.status());
    assertEquals("conditions[0]", response.json().getString("field"));
    Api.Response heartbeat = api.post("/api/v1/monitors/test", new JsonObject().put("type", "heartbeat")
        .put("period", "5m").encode());
    assertEquals(400, heartbeat.status());
    assertTrue(heartbeat.json().getString("message").contains("ping URL"), heartbeat.body());
  }

  private static Map<String, JsonObject> byRegion(JsonArray results) {
    Map<String, JsonObject> byRegion = new HashMap<>();
    results.forEach(r -> byRegion.put(((JsonObject) r).getString("region"), (JsonObject) r));
    return byRegion;
  }

  private static List<String> lines(JsonObject result) {
    return result.getJsonArray("conditions").stream().map(c -> ((JsonObject) c).getString("line")).toList();
  }
}
