package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REST API of one real coordinator node on real PostgreSQL, as a script or the UI would use it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorApiTest {
  private static final String SECRET = "Bearer queue-api-s3cret";
  private TestDatabase db;
  private TestCluster cluster;
  private Api api;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(1, db, Duration.ofMillis(200));
    api = cluster.api(0);
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  private static JsonObject httpMonitor(String name) {
    return new JsonObject().put("name", name).put("type", "http").put("url", "https://billing.example/queues/receipts")
        .put("headers", new JsonObject().put("Authorization", SECRET))
        .put("interval", "30s").put("timeout", "5s")
        .put("conditions", new JsonArray().add("[STATUS] == 200").add("[BODY].enqueued < 1000"))
        .put("regions", new JsonArray().add("eu-west").add("us-east").add("ap-south"));
  }

  @Test
  void createsAMonitorAndNeverShowsItsHeaderValuesAgain() {
    JsonObject created = api.createMonitor(httpMonitor("Receipts"));
    assertNotNull(created.getString("id"));
    assertEquals("pending", created.getString("state"));
    assertEquals(2, created.getInteger("quorum"));
    assertEquals(new JsonObject().put("value", "****").put("secret", true),
        created.getJsonObject("headers").getJsonObject("Authorization"));
    assertEquals(3, created.getJsonArray("region_verdicts").size());

    Api.Response fetched = api.get("/api/v1/monitors/" + created.getString("id"));
    assertEquals(200, fetched.status());
    assertFalse(fetched.body().contains("s3cret"), fetched.body());
    assertFalse(api.get("/api/v1/monitors").body().contains("s3cret"));
    assertEquals(SECRET, db.query("SELECT spec->'headers'->'Authorization'->>'value' AS v FROM monitors WHERE id = ?::uuid",
        created.getString("id")).get(0).get("v"), "the value is stored for the probes");
  }

  @Test
  void basicAuthPasswordIsWriteOnlyAndPlainHeadersStayReadable() {
    JsonObject monitor = httpMonitor("RabbitMQ orders").put("headers", new JsonObject().put("Accept", "application/json"))
        .put("auth", new JsonObject().put("type", "basic").put("username", "monitoring").put("password", "rabbit-s3cret"));
    JsonObject created = api.createMonitor(monitor);
    assertEquals("application/json", created.getJsonObject("headers").getString("Accept"));
    assertEquals(new JsonObject().put("type", "basic").put("username", "monitoring").put("password", "****"),
        created.getJsonObject("auth"));
    String id = created.getString("id");
    assertFalse(api.get("/api/v1/monitors/" + id).body().contains("rabbit-s3cret"));
    Api.Response updated = api.put("/api/v1/monitors/" + id, created.copy().put("interval", "1m").encode());
    assertEquals(200, updated.status(), updated.body());
    assertEquals("rabbit-s3cret", db.query("SELECT spec->'auth'->>'password' AS v FROM monitors WHERE id = ?::uuid", id)
        .get(0).get("v"), "the stored password survives an edit that sent back ****");
  }

  @Test
  void updatingWithTheRedactedValueKeepsTheStoredSecret() {
    JsonObject created = api.createMonitor(httpMonitor("Invoices"));
    String id = created.getString("id");
    JsonObject edit = created.copy().put("name", "Invoices (EU)").put("interval", "1m");
    Api.Response updated = api.put("/api/v1/monitors/" + id, edit.encode());
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Invoices (EU)", updated.json().getString("name"));
    assertEquals("1m", updated.json().getString("interval"));
    assertEquals(2L, updated.json().getLong("version"));
    assertEquals(SECRET, db.query("SELECT spec->'headers'->'Authorization'->>'value' AS v FROM monitors WHERE id = ?::uuid", id)
        .get(0).get("v"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not JSON          | {"name":                                                           | body          | not valid JSON
      no type           | {"name":"x"}                                                       | type          | is required
      bad interval      | {"name":"x","type":"http","url":"http://q.example","regions":["eu-west"],"interval":"often"} | interval | such as 500ms, 30s
      bad condition     | {"name":"x","type":"http","url":"http://q.example","regions":["eu-west"],"conditions":["[BODY].n <> 3"]} | conditions[0] | [BODY].n
      quorum too high   | {"name":"x","type":"http","url":"http://q.example","regions":["eu-west"],"quorum":2} | quorum | number of regions (1)
      heartbeat no period | {"name":"x","type":"heartbeat"}                                  | period        | is required
      """)
  void badInputAnswers400NamingTheFieldAndStoresNothing(String name, String body, String field, String words) {
    long before = db.count("SELECT count(*) FROM monitors");
    Api.Response response = api.post("/api/v1/monitors", body);
    assertEquals(400, response.status(), response.body());
    JsonObject problem = response.json();
    assertEquals("bad_request", problem.getString("error"));
    assertEquals(field, problem.getString("field"));
    assertTrue(problem.getString("message").contains(words), problem.getString("message"));
    assertEquals(before, db.count("SELECT count(*) FROM monitors"));
  }

  @Test
  void aRejectedEditLeavesTheMonitorAsItWas() {
    JsonObject created = api.createMonitor(httpMonitor("Refunds"));
    String id = created.getString("id");
    Api.Response response = api.put("/api/v1/monitors/" + id, created.copy().put("timeout", "10m").encode());
    assertEquals(400, response.status());
    assertEquals("timeout", response.json().getString("field"));
    assertEquals("5s", api.get("/api/v1/monitors/" + id).json().getString("timeout"));
  }

  @Test
  void refusesCallsWithoutTheAdminToken() {
    Api anonymous = new Api(cluster.node(0).httpPort(), null);
    Api wrong = new Api(cluster.node(0).httpPort(), "guess");
    assertEquals(401, anonymous.get("/api/v1/monitors").status());
    assertEquals(401, wrong.get("/api/v1/monitors").status());
    Api.Response write = wrong.post("/api/v1/monitors", httpMonitor("Sneaky").encode());
    assertEquals(401, write.status());
    assertEquals("unauthorized", write.json().getString("error"));
    assertEquals(0, db.count("SELECT count(*) FROM monitors WHERE name = 'Sneaky'"));
  }

  @Test
  void unknownAndMalformedIdsAnswer404() {
    assertEquals(404, api.get("/api/v1/monitors/6d2f5e4a-8d0e-4c2a-9a55-2b1f4c3d2e1f").status());
    assertEquals(404, api.get("/api/v1/monitors/not-a-uuid").status());
    assertEquals(404, api.delete("/api/v1/monitors/6d2f5e4a-8d0e-4c2a-9a55-2b1f4c3d2e1f").status());
    assertEquals(404, api.get("/api/v1/nothing-here").status());
  }

  @Test
  void deletesAMonitor() {
    String id = api.createMonitor(httpMonitor("Temporary")).getString("id");
    assertEquals(204, api.delete("/api/v1/monitors/" + id).status());
    assertEquals(404, api.get("/api/v1/monitors/" + id).status());
    assertEquals(0, db.count("SELECT count(*) FROM monitors WHERE id = ?::uuid", id));
  }

  @Test
  void heartbeatMonitorsGetAPingUrlThatTheCoordinatorAlsoAnswers() throws Exception {
    JsonObject created = api.createMonitor(new JsonObject().put("name", "Nightly export").put("type", "heartbeat")
        .put("period", "1h").put("grace", "5m"));
    String pingUrl = created.getString("ping_url");
    assertTrue(pingUrl.matches("http://localhost:\\d+/ping/[0-9a-f-]{36}"), pingUrl);
    assertNull(created.getString("last_ping_at"));

    String path = pingUrl.replaceFirst("^http://localhost:\\d+", "");
    Api.Response ping = new Api(cluster.node(0).httpPort(), null).post(path, "exported 1200 invoices");
    assertEquals(200, ping.status());
    assertEquals("OK", ping.body());
    JsonObject after = api.get("/api/v1/monitors/" + created.getString("id")).json();
    assertEquals("up", after.getString("state"));
    assertNotNull(after.getString("last_ping_at"));
    assertEquals("exported 1200 invoices", db.query("SELECT body FROM pings WHERE monitor_id = ?::uuid",
        created.getString("id")).get(0).get("body"));

    assertEquals(404, new Api(cluster.node(0).httpPort(), null).get("/ping/6d2f5e4a-8d0e-4c2a-9a55-2b1f4c3d2e1f").status());
  }

  @Test
  void publicStatusShowsPublicMonitorsByNameAndStateOnly() {
    api.createMonitor(httpMonitor("Public receipts").put("public", true));
    api.createMonitor(httpMonitor("Private ledger"));
    Api anonymous = new Api(cluster.node(0).httpPort(), null);
    // The public status is computed at most every few seconds: a new public monitor shows up within them.
    Api.Response status = Eventually.value(Duration.ofSeconds(10), "the public monitor on the status", () -> {
      Api.Response read = anonymous.get("/api/v1/status");
      return read.status() == 200 && read.body().contains("Public receipts") ? read : null;
    });
    assertEquals("operational", status.json().getString("state"));
    for (String secretish : new String[] {"billing.example", "s3cret", "Authorization", "[BODY]", "url", "Private ledger"}) {
      assertFalse(status.body().contains(secretish), "status page must not reveal " + secretish + ": " + status.body());
    }
  }

  @Test
  void channelsAreValidatedAndListed() {
    Api.Response bad = api.post("/api/v1/channels", "{\"type\":\"webhook\",\"url\":\"not a url\"}");
    assertEquals(400, bad.status());
    assertEquals("url", bad.json().getString("field"));
    assertEquals(400, api.post("/api/v1/channels", "{\"type\":\"carrier-pigeon\",\"url\":\"http://x.example\"}").status());

    Api.Response created = api.post("/api/v1/channels", "{\"type\":\"webhook\",\"url\":\"http://hooks.example/q\",\"name\":\"ops\"}");
    assertEquals(201, created.status(), created.body());
    assertTrue(api.get("/api/v1/channels").body().contains("http://hooks.example/q"));
  }

  @Test
  void incidentFilterMustBeKnown() {
    assertEquals(200, api.get("/api/v1/incidents?state=open").status());
    Api.Response bad = api.get("/api/v1/incidents?state=maybe");
    assertEquals(400, bad.status());
    assertEquals("state", bad.json().getString("field"));
  }

  @Test
  void servesThePagesHealthAndMetrics() {
    Api anonymous = new Api(cluster.node(0).httpPort(), null);
    assertEquals(200, anonymous.get("/status").status());
    assertEquals(200, anonymous.get("/app").status());
    JsonObject health = anonymous.get("/health").json();
    assertEquals("up", health.getString("status"));
    assertEquals(1, health.getInteger("cluster_members"));
    String metrics = anonymous.get("/metrics").body();
    assertTrue(metrics.contains("quorate_probe_links"));
    assertTrue(metrics.contains("jvm_memory_used_bytes{area=\"heap\""), "the dashboard's JVM panels cover coordinators");
  }
}
