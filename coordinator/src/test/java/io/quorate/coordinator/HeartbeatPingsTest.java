package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Pinger;
import io.quorate.coordinator.support.Pinger.Answer;
import io.quorate.coordinator.support.TestClock;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every ping form on the coordinator's own endpoint, as Healthchecks-compatible scripts send them, and what
 * the API then shows: the pings with their bodies, exit statuses and run ids, and the runs they form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeartbeatPingsTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
  private TestDatabase db;
  private TestCluster cluster;
  private Api api;
  private Pinger pinger;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(1, db, Duration.ofMillis(200), clock);
    api = cluster.api(0);
    pinger = new Pinger(cluster.node(0).httpPort());
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  private JsonObject heartbeat(String name, JsonObject extra) {
    return api.createMonitor(new JsonObject().put("type", "heartbeat").put("name", name).put("period", "1h")
        .mergeIn(extra));
  }

  private Answer tick(Answer answer) {
    clock.advance(Duration.ofSeconds(1));
    return answer;
  }

  private static String path(JsonObject monitor) {
    return "/ping/" + monitor.getString("ping_id");
  }

  private JsonArray pings(JsonObject monitor) {
    return api.get("/api/v1/monitors/" + monitor.getString("id") + "/pings").json().getJsonArray("pings");
  }

  @Test
  void everyFormIsAnswered200AndStoredWithItsKind() {
    JsonObject monitor = heartbeat("Nightly export", new JsonObject());
    String path = path(monitor);
    // A second apart, so "newest first" has one answer.
    assertEquals(200, tick(pinger.get(path + "/start")).status());
    assertEquals("OK", tick(pinger.post(path + "/log", "step 1 of 3 done")).body());
    assertEquals(200, tick(pinger.get(path + "/fail")).status());
    assertEquals(200, tick(pinger.head(path)).status());
    assertEquals(200, tick(pinger.post(path + "/0", "exported 42")).status());
    assertEquals(200, tick(pinger.post(path + "/3", "pg_dump: connection refused")).status());
    assertEquals(200, tick(pinger.post(path, "exported 43")).status());

    JsonArray stored = pings(monitor);
    assertEquals(List.of("success", "fail", "success", "success", "fail", "log", "start"),
        stored.stream().map(p -> ((JsonObject) p).getString("kind")).toList());
    JsonObject exit3 = stored.getJsonObject(1);
    assertEquals(3, exit3.getInteger("exit_status"));
    assertEquals("exit status 3: pg_dump: connection refused", exit3.getString("failure"));
    assertEquals("HEAD", stored.getJsonObject(3).getString("method"));
    assertEquals("coordinator", stored.getJsonObject(0).getString("region"));
    assertEquals("exported 43", stored.getJsonObject(0).getString("body"));
  }

  @Test
  void unknownAndMalformedPingsAreRefusedWithAReason() {
    JsonObject monitor = heartbeat("Refunds", new JsonObject());
    assertEquals(404, pinger.get("/ping/6d2f5e4a-8d0e-4c2a-9a55-2b1f4c3d2e1f").status());
    Answer badExit = pinger.get(path(monitor) + "/256");
    assertEquals(400, badExit.status());
    assertTrue(badExit.body().contains("256"), badExit.body());
    assertEquals(400, pinger.get(path(monitor) + "/bogus").status());
    Answer badRid = pinger.get(path(monitor) + "?rid=" + "x".repeat(101));
    assertEquals(400, badRid.status());
    assertTrue(badRid.body().contains("rid"), badRid.body());
    assertEquals(0, pings(monitor).size(), "nothing refused was stored");
  }

  @Test
  void slugUrlsUseTheProjectsPingKey() {
    JsonObject monitor = heartbeat("Invoices", new JsonObject().put("slug", "invoice-run"));
    JsonObject project = api.get("/api/v1/projects").json().getJsonArray("projects").getJsonObject(0);
    String key = project.getString("ping_key");
    assertTrue(key.matches("[a-z0-9]{32}"), key);
    assertTrue(monitor.getString("slug_url").endsWith("/ping/" + key + "/invoice-run"), monitor.getString("slug_url"));

    assertEquals(200, pinger.get("/ping/" + key + "/invoice-run/start").status());
    assertEquals(200, pinger.get("/ping/" + key + "/Invoice-Run").status(), "slugs are case-insensitive");
    assertEquals(404, pinger.get("/ping/" + key + "/no-such-job").status());
    assertEquals(404, pinger.get("/ping/wrongkey0000/invoice-run").status());
    assertEquals(2, pings(monitor).size());

    Api.Response taken = api.post("/api/v1/monitors", new JsonObject().put("type", "heartbeat").put("name", "Other")
        .put("period", "1h").put("slug", "invoice-run").encode());
    assertEquals(400, taken.status());
    assertEquals("slug", taken.json().getString("field"));
  }

  @Test
  void aLongBodyIsCutAndTheAnswerSaysSo() {
    JsonObject monitor = heartbeat("Big logs", new JsonObject());
    String body = "é".repeat(80 * 1024); // 160 KiB of two-byte characters
    Answer answer = pinger.post(path(monitor) + "/fail", body);
    assertEquals(200, answer.status());
    assertEquals("102400", answer.headers().firstValue("Quorate-Body-Truncated").orElse(null));
    JsonObject stored = pings(monitor).getJsonObject(0);
    assertTrue(stored.getBoolean("body_truncated"));
    assertEquals(50 * 1024, stored.getString("body").length(), "cut at a character boundary");

    Answer small = pinger.post(path(monitor), "fine");
    assertTrue(small.headers().firstValue("Quorate-Body-Truncated").isEmpty());
  }

  @Test
  void aFloodOfPingsForOneCheckIsRateLimitedWithoutTouchingOthers() {
    JsonObject noisy = heartbeat("Noisy", new JsonObject());
    JsonObject quiet = heartbeat("Quiet", new JsonObject());
    int ok = 0;
    Answer limited = null;
    for (int i = 0; i < 130 && limited == null; i++) {
      Answer answer = pinger.get(path(noisy));
      if (answer.status() == 200) {
        ok++;
      } else {
        limited = answer;
      }
    }
    assertEquals(120, ok, "the burst allowance (the test clock stands still, so nothing refills)");
    assertEquals(429, limited.status());
    assertTrue(limited.headers().firstValue("Retry-After").isPresent());
    assertEquals(200, pinger.get(path(quiet)).status());
  }

  @Test
  void runIdsPairStartsWithCompletionsAndRunsShowTheirDuration() {
    JsonObject monitor = heartbeat("Report builder", new JsonObject().put("max_run_time", "30m"));
    String id = monitor.getString("id");
    pinger.get(path(monitor) + "/start?rid=run-a");
    pinger.get(path(monitor) + "/start?rid=run-b");
    assertEquals("running", api.get("/api/v1/monitors/" + id).json().getString("state"));
    clock.advance(Duration.ofSeconds(90));
    pinger.get(path(monitor) + "?rid=run-b");

    JsonArray runs = api.get("/api/v1/monitors/" + id + "/runs").json().getJsonArray("runs");
    JsonObject b = runs.stream().map(JsonObject.class::cast).filter(r -> r.getString("run_id").equals("run-b")).findFirst()
        .orElseThrow();
    assertEquals("success", b.getString("outcome"));
    assertEquals(90_000L, b.getLong("duration_ms"));
    JsonObject a = runs.stream().map(JsonObject.class::cast).filter(r -> r.getString("run_id").equals("run-a")).findFirst()
        .orElseThrow();
    assertNull(a.getString("finished_at"));
    JsonObject view = api.get("/api/v1/monitors/" + id).json();
    assertEquals("running", view.getString("state"), "run-a is still open");
    assertEquals("run-a", view.getJsonObject("heartbeat").getJsonArray("open_runs").getJsonObject(0).getString("run_id"));

    pinger.get(path(monitor) + "/1?rid=run-a");
    JsonObject after = api.get("/api/v1/monitors/" + id).json();
    assertEquals(0, after.getJsonObject("heartbeat").getJsonArray("open_runs").size());
  }
}
