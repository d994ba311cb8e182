package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole path on real parts: two clustered coordinator nodes on one PostgreSQL, probe nodes in three
 * regions linked over gRPC, a queue endpoint that fails per region, and a recording webhook receiver.
 * Each test watches its own queue and monitor, so they do not disturb each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  private TestDatabase db;
  private TestCluster cluster;
  private TestProbes probes;
  private QueueEndpoint queues;
  private RecordingWebhook webhook;
  private Api api;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(2, db, Duration.ofMillis(200));
    queues = new QueueEndpoint();
    webhook = new RecordingWebhook();
    api = cluster.api(0);
    api.createWebhookChannel(webhook.url());
    probes = TestProbes.start(cluster.grpcAddresses(), TestCluster.PROBE_TOKEN, REGIONS.toArray(String[]::new));
    Eventually.until(WAIT, "all probes linked", probes::allConnected);
  }

  @AfterAll
  void stop() {
    probes.close();
    cluster.close();
    queues.close();
    webhook.close();
  }

  private JsonObject queueMonitor(String queue) {
    return api.createMonitor(new JsonObject().put("name", "Queue " + queue).put("type", "http").put("url", queues.url(queue))
        .put("interval", "1s").put("timeout", "500ms")
        .put("conditions", new JsonArray().add("[STATUS] == 200").add("[BODY].enqueued < 1000"))
        .put("regions", new JsonArray(REGIONS)).put("quorum", 2).put("confirmations", 2));
  }

  @Test
  void probesCheckFromEveryRegionAndSayWhichRegionAsked() {
    String id = queueMonitor("greetings").getString("id");
    Eventually.until(WAIT, "all three regions vote up", () -> verdicts(id).values().stream().allMatch("up"::equals)
        && verdicts(id).size() == 3);
    for (String region : REGIONS) {
      assertTrue(queues.seenHeaders().stream().anyMatch(h -> h.get("region").equals(region)
          && h.get("user-agent").startsWith("quorate-probe/")), "a request from " + region);
    }
    JsonObject monitor = api.get("/api/v1/monitors/" + id).json();
    assertEquals("up", monitor.getString("state"));
    JsonObject euWest = monitor.getJsonArray("region_verdicts").getJsonObject(0);
    assertEquals(12.0, euWest.getJsonObject("values").getDouble("[BODY].enqueued"), "measured values are kept");
  }

  @Test
  void keepsEachRunsConditionLinesFailureKindAndSeriesForTheRegionAndItsHistory() {
    JsonObject created = api.createMonitor(new JsonObject().put("name", "Queue mailers").put("type", "http")
        .put("url", queues.url("mailers")).put("interval", "1s").put("timeout", "500ms")
        .put("conditions", new JsonArray().add("[BODY].enqueued < 1000"))
        .put("series", new JsonObject().put("depth", "[BODY].enqueued").put("oldest_job_age", "[BODY].oldest_age_s"))
        .put("regions", new JsonArray(REGIONS)));
    String id = created.getString("id");
    queues.fail("mailers", "ap-south");
    Eventually.until(WAIT, "ap-south votes down", () -> "down".equals(verdicts(id).get("ap-south")));

    JsonObject apSouth = api.get("/api/v1/monitors/" + id).json().getJsonArray("region_verdicts").getJsonObject(2);
    assertEquals("ap-south", apSouth.getString("region"));
    assertEquals("condition_breached", apSouth.getString("failure_kind"));
    assertEquals("[BODY].enqueued (5234) < 1000 — failed", apSouth.getJsonArray("conditions").getJsonObject(0).getString("line"));
    assertEquals(new JsonObject().put("depth", 5234.0).put("oldest_job_age", 3.0), apSouth.getJsonObject("series"));

    Api.Response history = api.get("/api/v1/monitors/" + id + "/observations?region=eu-west&limit=2");
    assertEquals(200, history.status(), history.body());
    JsonArray runs = history.json().getJsonArray("observations");
    assertEquals(2, runs.size());
    JsonObject newest = runs.getJsonObject(0);
    assertTrue(newest.getString("observed_at").compareTo(runs.getJsonObject(1).getString("observed_at")) > 0, "newest first");
    assertEquals("up", newest.getString("outcome"));
    assertEquals("", newest.getString("failure_kind"));
    assertEquals(200, newest.getInteger("status_code"));
    assertEquals(12.0, newest.getJsonObject("series").getDouble("depth"));
    Api.Response older = api.get("/api/v1/monitors/" + id + "/observations?region=eu-west&limit=1&before="
        + newest.getString("observed_at"));
    assertEquals(runs.getJsonObject(1).getString("observed_at"),
        older.json().getJsonArray("observations").getJsonObject(0).getString("observed_at"), "pages by before");
    assertEquals(400, api.get("/api/v1/monitors/" + id + "/observations?limit=0").status());
    assertEquals(404, api.get("/api/v1/monitors/6d2f5e4a-8d0e-4c2a-9a55-2b1f4c3d2e1f/observations").status());
  }

  @Test
  void oneFailingRegionOfThreeIsShownButOpensNoIncident() {
    String id = queueMonitor("thumbnails").getString("id");
    queues.fail("thumbnails", "eu-west");
    Eventually.until(WAIT, "eu-west votes down", () -> "down".equals(verdicts(id).get("eu-west")));
    JsonObject monitor = api.get("/api/v1/monitors/" + id).json();
    assertTrue(monitor.getString("decision").startsWith("1 of 3 regions down (eu-west): below quorum 2, no alert"),
        monitor.getString("decision"));
    String reason = monitor.getJsonArray("region_verdicts").getJsonObject(0).getString("reason");
    assertTrue(reason.contains("[BODY].enqueued (5234) < 1000"), reason);

    Eventually.during(Duration.ofSeconds(3), "no incident and no alert below quorum",
        () -> api.openIncident(id) == null && webhook.requestsFor(id).isEmpty());
    assertEquals(0, db.count("SELECT count(*) FROM incidents WHERE monitor_id = ?::uuid", id));
  }

  @Test
  void twoFailingRegionsOpenExactlyOneIncidentAndRecoveryResolvesIt() {
    String id = queueMonitor("receipts").getString("id");
    Eventually.until(WAIT, "healthy first", () -> "up".equals(api.get("/api/v1/monitors/" + id).json().getString("state")));
    queues.fail("receipts", "eu-west", "us-east");

    JsonObject incident = Eventually.value(WAIT, "an incident opens", () -> api.openIncident(id));
    assertEquals(List.of("eu-west", "us-east"), incident.getJsonArray("regions_down").getList());
    assertTrue(incident.getString("reason").contains("[BODY].enqueued (5234) < 1000"), incident.getString("reason"));
    Eventually.until(WAIT, "the alert arrives", () -> webhook.accepted(id, "incident.opened").size() == 1);
    String text = webhook.accepted(id, "incident.opened").get(0).body().getString("text");
    assertTrue(text.contains("2 of 3 regions agree (eu-west, us-east)."), text);
    assertTrue(text.startsWith("DOWN: Queue receipts."), text);

    Eventually.during(Duration.ofSeconds(2), "exactly one incident and one alert, though two nodes run",
        () -> webhook.requestsFor(id).size() == 1);
    assertEquals(1, db.count("SELECT count(*) FROM incidents WHERE monitor_id = ?::uuid", id));

    queues.recover("receipts");
    Eventually.until(WAIT, "the incident resolves", () -> api.openIncident(id) == null);
    Eventually.until(WAIT, "the recovery alert arrives", () -> webhook.accepted(id, "incident.resolved").size() == 1);
    String resolved = webhook.accepted(id, "incident.resolved").get(0).body().getString("text");
    assertTrue(resolved.startsWith("RESOLVED: Queue receipts. Down for "), resolved);
    Eventually.during(Duration.ofSeconds(2), "one opened and one resolved alert in all", () -> webhook.requestsFor(id).size() == 2);
    assertEquals(1, db.count("SELECT count(*) FROM incidents WHERE monitor_id = ?::uuid AND resolved_at IS NOT NULL", id));
  }

  @Test
  void heartbeatPingedThroughProbesGoesDownWhenPingsStopAndUpOnTheNextPing() {
    JsonObject monitor = api.createMonitor(new JsonObject().put("name", "Invoice export").put("type", "heartbeat")
        .put("period", "2s").put("grace", "1s"));
    String id = monitor.getString("id");
    String path = "/ping/" + monitor.getString("ping_id");
    Eventually.until(WAIT, "probes know the heartbeat", () -> probes.http("ap-south").post(path, "ok").status() == 200);
    assertEquals(404, probes.http("ap-south").get("/ping/6d2f5e4a-8d0e-4c2a-9a55-2b1f4c3d2e1f").status());

    JsonObject incident = Eventually.value(WAIT, "no ping for period plus grace opens an incident", () -> api.openIncident(id));
    assertTrue(incident.getString("reason").startsWith("no ping since "), incident.getString("reason"));

    assertEquals(200, probes.http("eu-west").post(path, "exported 42 invoices").status());
    Eventually.until(WAIT, "the ping resolves it", () -> api.openIncident(id) == null);
    Eventually.until(WAIT, "both alerts arrive", () -> webhook.accepted(id, "incident.resolved").size() == 1);
    assertEquals(1, webhook.accepted(id, "incident.opened").size());
    assertEquals("exported 42 invoices", db.query("SELECT body FROM pings WHERE monitor_id = ?::uuid AND region = 'eu-west'", id)
        .get(0).get("body"));
  }

  @Test
  void anEditMadeThroughEitherNodeReachesTheProbes() {
    JsonObject created = queueMonitor("exports-v1");
    String id = created.getString("id");
    Eventually.until(WAIT, "v1 is polled", () -> queues.seenHeaders().size() > 0 && verdicts(id).size() == 3);
    Api.Response edit = cluster.api(1).put("/api/v1/monitors/" + id, created.copy().put("url", queues.url("exports-v2")).encode());
    assertEquals(200, edit.status(), edit.body());
    queues.fail("exports-v2", "eu-west", "us-east", "ap-south");
    Eventually.until(WAIT, "the probes poll the new URL and see it fail", () -> api.openIncident(id) != null);
  }

  @Test
  void deletingAMonitorStopsItsChecks() {
    String id = queueMonitor("retired").getString("id");
    Eventually.until(WAIT, "polled", () -> verdicts(id).size() == 3);
    assertEquals(204, api.delete("/api/v1/monitors/" + id).status());
    Eventually.during(Duration.ofSeconds(1), "checks already under way finish", () -> true);
    long settled = queues.requestCount("retired");
    Eventually.during(Duration.ofSeconds(3), "no more requests for a deleted monitor",
        () -> queues.requestCount("retired") == settled);
    assertEquals(0, db.count("SELECT count(*) FROM observations WHERE monitor_id = ?::uuid", id),
        "its history went with it, and runs that finished after the delete were not stored");
  }

  private Map<String, String> verdicts(String monitorId) {
    JsonObject monitor = api.get("/api/v1/monitors/" + monitorId).json();
    Map<String, String> verdicts = new java.util.HashMap<>();
    for (Object item : monitor.getJsonArray("region_verdicts")) {
      JsonObject verdict = (JsonObject) item;
      if (!"pending".equals(verdict.getString("verdict"))) {
        verdicts.put(verdict.getString("region"), verdict.getString("verdict"));
      }
    }
    return verdicts;
  }


  @Test
  void aProbeWithAWrongTokenIsRefused() {
    var impostor = probes.add("nowhere", cluster.grpcAddresses(), "not-the-token");
    Eventually.until(WAIT, "the refusal is counted", () -> new Api(cluster.node(0).httpPort(), null).get("/metrics").body()
        .lines().anyMatch(l -> l.startsWith("quorate_probe_links_refused_total") && !l.endsWith(" 0.0")));
    Eventually.during(Duration.ofSeconds(2), "never linked", () -> !impostor.linkConnected());
    assertEquals(0, db.count("SELECT count(*) FROM probe_regions WHERE region = 'nowhere'"), "refused before its Hello was read");
  }

  @Test
  void theAlertSaysWhatCustomersLoseHowBadItIsAndWhoOwnsIt() {
    JsonObject created = api.createMonitor(new JsonObject().put("name", "Queue invoices").put("type", "http")
        .put("url", queues.url("invoices")).put("interval", "1s").put("timeout", "500ms")
        .put("conditions", new JsonArray().add("[BODY].enqueued < 1000"))
        .put("series", new JsonObject().put("depth", "[BODY].enqueued").put("oldest_job_age", "[BODY].oldest_age_s"))
        .put("regions", new JsonArray(REGIONS)).put("quorum", "60%").put("confirmations", 1)
        .put("owner", "billing").put("customer_action", "Invoice emails").put("impact", "all paying customers")
        .put("sla", "1s"));
    String id = created.getString("id");
    assertEquals(2, created.getInteger("quorum_regions"), "60% of 3 regions, rounded up");
    Eventually.until(WAIT, "healthy first", () -> "up".equals(api.get("/api/v1/monitors/" + id).json().getString("state")));
    queues.fail("invoices", "eu-west", "us-east", "ap-south");
    Eventually.until(WAIT, "the alert arrives", () -> webhook.accepted(id, "incident.opened").size() == 1);
    String text = webhook.accepted(id, "incident.opened").get(0).body().getString("text");
    assertTrue(text.startsWith("DOWN: Queue invoices. Invoice emails: oldest job 3s (SLA 1s), 5234 waiting, last success "),
        text);
    assertTrue(text.contains("Owner: billing. Impact: all paying customers."), text);
    assertTrue(text.matches(".*[23] of 3 regions agree \\(.*"), text);
    queues.recover("invoices");
  }
}
