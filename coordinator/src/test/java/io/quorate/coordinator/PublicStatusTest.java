package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Browser;
import io.quorate.coordinator.support.TestClock;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.WebElement;

/**
 * The public status page, its JSON and badges, served by a real coordinator on real PostgreSQL, read
 * without a token as the public would. Monitors are created three days before "now" (a {@link TestClock}),
 * incidents are placed in those days, and the team writes public updates through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicStatusTest {
  /** Internal details that must never reach the public: names, URLs, header values, reasons, owner, author. */
  private static final List<String> NEVER_PUBLIC = List.of("billing-receipts-worker", "secret-ledger-export",
      "billing.example", "ledger.internal", "queue-api-s3cret", "ledger-t0ken", "connection refused to db-7",
      "ledger export stalled", "team-billing", "eu-west", "dana-oncall");
  private static final Duration PAST_CACHE = Duration.ofSeconds(10);
  private final TestClock clock = new TestClock(Instant.parse("2026-11-20T12:00:00Z"));
  // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private TestDatabase db;
  private TestCluster cluster;
  private Api api;
  private Api anonymous;
  private String receipts;
  private String openIncident;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(1, db, Duration.ofMillis(200), clock);
    api = cluster.api(0);
    anonymous = new Api(cluster.node(0).httpPort(), null);
    receipts = api.createMonitor(monitor("billing-receipts-worker", "https://billing.example/queues/receipts",
        "Bearer queue-api-s3cret").put("public", true).put("public_name", "Receipt emails").put("public_group", "Email")
        .put("owner", "team-billing")).getString("id");
    api.createMonitor(monitor("status-api-probe", "https://billing.example/health", "Bearer queue-api-s3cret")
        .put("public", true).put("public_name", "Status <API> & more").put("public_slug", "status-api"));
    String ledger = api.createMonitor(monitor("secret-ledger-export", "https://ledger.internal/export?token=ledger-t0ken",
        "Bearer ledger-t0ken")).getString("id");

    clock.set(Instant.parse("2026-11-23T11:58:50Z"));
    incident(receipts, "2026-11-21T06:00:00Z", "2026-11-21T12:00:00Z", "connection refused to db-7");
    openIncident = incident(receipts, "2026-11-23T06:00:00Z", null, "connection refused to db-7").toString();
    incident(ledger, "2026-11-23T07:00:00Z", null, "ledger export stalled");
    publicUpdate(openIncident, "investigating", "Receipt emails are delayed. We are looking into it.");
    clock.advance(Duration.ofMinutes(1));
    publicUpdate(openIncident, "identified", "A stuck worker <script>alert(1)</script> was found & restarted.");
    clock.advance(PAST_CACHE); // now 12:00:00, when every test below reads the status
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @Test
  void jsonListsOnlyPublicComponentsWithTheirDailyUptime() {
    Api.Response status = anonymous.get("/api/v1/status");
    assertEquals(200, status.status(), status.body());
    JsonObject json = status.json();
    assertEquals("outage", json.getString("state"), "the one component with data is down; the other has none yet");
    JsonArray components = json.getJsonArray("components");
    assertEquals(2, components.size(), components.encode());
    JsonObject shown = components.getJsonObject(1);
    assertEquals("Receipt emails", shown.getString("name"));
    assertEquals("Email", shown.getString("group"));
    assertEquals("receipt-emails", shown.getString("slug"));
    assertEquals("outage", shown.getString("state"));
    assertEquals(83.33, shown.getDouble("uptime_percent"), "12 h down of the 72 h it existed");
    JsonArray days = shown.getJsonArray("days");
    assertEquals(90, days.size());
    assertEquals(day("2026-11-23", 50.0), days.getJsonObject(89), "today so far: down since 06:00");
    assertEquals(day("2026-11-22", 100.0), days.getJsonObject(88));
    assertEquals(day("2026-11-21", 75.0), days.getJsonObject(87));
    assertEquals(day("2026-11-20", 100.0), days.getJsonObject(86), "created at noon, up since");
    assertEquals(day("2026-11-19", null), days.getJsonObject(85), "before the monitor existed: no data");
    assertEquals("Status <API> & more", components.getJsonObject(0).getString("name"), "ungrouped first");
    assertEquals("unknown", components.getJsonObject(0).getString("state"));
    assertNeverPublic(status.body());
  }

  @Test
  void jsonShowsIncidentsOfPublicComponentsWithTheirPublicUpdatesOnly() {
    JsonObject json = anonymous.get("/api/v1/status").json();
    JsonArray active = json.getJsonArray("active_incidents");
    assertEquals(1, active.size(), "the private monitor's incident is not public: " + active.encode());
    JsonObject incident = active.getJsonObject(0);
    assertEquals(openIncident, incident.getString("id"));
    assertEquals("Receipt emails", incident.getString("component"));
    assertEquals("2026-11-23T06:00:00Z", incident.getString("started_at"));
    assertNull(incident.getString("resolved_at"));
    JsonArray updates = incident.getJsonArray("updates");
    assertEquals(2, updates.size());
    assertEquals("identified", updates.getJsonObject(0).getString("status"), "newest first");
    assertEquals("Receipt emails are delayed. We are looking into it.", updates.getJsonObject(1).getString("message"));
    assertEquals(new JsonObject().put("status", "investigating").put("message",
            "Receipt emails are delayed. We are looking into it.").put("created_at", "2026-11-23T11:58:50Z"),
        updates.getJsonObject(1), "status, text and time: no author");
    JsonArray recent = json.getJsonArray("recent_incidents");
    assertEquals(1, recent.size());
    assertEquals("2026-11-21T12:00:00Z", recent.getJsonObject(0).getString("resolved_at"));
    assertEquals(0, recent.getJsonObject(0).getJsonArray("updates").size());
  }

  @Test
  void pageIsServerRenderedEscapedAndReadableWithoutScript() {
    HttpResponse<String> page = get("/status", null);
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    String html = page.body();
    assertTrue(html.contains("<html lang=\"en\">") && html.contains("name=\"viewport\""));
    assertTrue(html.contains("<main id=\"main\""), "landmarks");
    assertTrue(html.contains("<h2 id=\"overall-title\">Major outage</h2>"), html);
    assertTrue(html.contains("<h3 class=\"component-group\">Email</h3>"));
    assertTrue(html.contains("Receipt emails</span> <span class=\"badge badge-outage\"><span aria-hidden=\"true\">✕</span>"
        + " Outage</span>"), "state as symbol and word");
    assertTrue(html.contains("aria-label=\"2026-11-21: 75.00% up\""), "each bar says its day and uptime");
    assertTrue(html.contains("aria-label=\"2026-11-23: 50.00% up\""));
    assertTrue(html.contains("aria-label=\"2026-11-19: no data\""));
    assertTrue(html.contains("83.33% uptime over the last 90 days; 2 days with downtime."));
    assertTrue(html.contains("Receipt emails are delayed. We are looking into it."));
    assertTrue(html.contains("A stuck worker &lt;script&gt;alert(1)&lt;/script&gt; was found &amp; restarted."));
    assertTrue(html.contains("Status &lt;API&gt; &amp; more"));
    assertFalse(html.contains("<script>alert") || html.contains("<API>"), "API text never becomes markup");
    assertTrue(html.contains("<time datetime=\"2026-11-23T06:00:00Z\">2026-11-23 06:00 UTC</time>"));
    assertNeverPublic(html);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/status, 15", "/api/v1/status, 15", "/badge/receipt-emails.svg, 60", "/badge/status-api/uptime.svg, 60"})
  void answersAreCacheableAndRevalidateWith304(String path, int maxAge) {
    HttpResponse<String> first = get(path, null);
    assertEquals(200, first.statusCode(), first.body());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.matches("\"[A-Za-z0-9_-]{43}\""), "a strong SHA-256 tag: " + etag);
    assertEquals("public, max-age=" + maxAge, first.headers().firstValue("Cache-Control").orElseThrow());
    HttpResponse<String> again = get(path, etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
    assertEquals(200, get(path, "\"something-else\"").statusCode());
  }

  /** Last: it moves the clock and adds an update, which the exact figures of the other tests do not expect. */
  @Test
  @Order(Integer.MAX_VALUE)
  void aNewPublicUpdateChangesTheTagOnceTheCacheExpires() {
    String before = get("/api/v1/status", null).headers().firstValue("ETag").orElseThrow();
    publicUpdate(openIncident, "monitoring", "A fix is out; we are watching the queue drain.");
    assertEquals(304, get("/api/v1/status", before).statusCode(), "served from the cache for a few seconds");
    clock.advance(PAST_CACHE);
    HttpResponse<String> after = get("/api/v1/status", before);
    assertEquals(200, after.statusCode());
    assertNotEquals(before, after.headers().firstValue("ETag").orElseThrow());
    assertTrue(after.body().contains("we are watching the queue drain"));
  }

  @Test
  void pageRendersInABrowserWithScriptsOff() {
    try (Browser browser = Browser.startWithoutJavaScript()) {
      browser.open("http://127.0.0.1:" + cluster.node(0).httpPort() + "/status");
      browser.keepScreenshotIfFails("public-status-no-js", () -> {
        assertEquals("Major outage", browser.text("#overall-title"));
        assertEquals(List.of("Active incidents", "Components", "Past incidents (last 14 days)"),
            browser.findAll("main h2").stream().skip(1).map(h -> h.getText()).toList());
        List<WebElement> bars = browser.findAll(".uptime-bars .bar[role=img]");
        assertEquals(180, bars.size(), "90 days of two components");
        assertEquals("2026-11-21: 75.00% up", bars.get(177).getAttribute("aria-label"));
        assertTrue(browser.text(".incident").contains("A stuck worker <script>alert(1)</script> was found & restarted."),
            "shown as text");
      });
    }
  }

  @Test
  void badgesShowPublicComponentsAndNothingElse() {
    HttpResponse<String> status = get("/badge/receipt-emails.svg", null);
    assertEquals(200, status.statusCode());
    assertEquals("image/svg+xml; charset=utf-8", status.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(status.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assertTrue(status.body().contains("<title>Receipt emails: outage</title>"), status.body());
    String uptime = get("/badge/receipt-emails/uptime.svg", null).body();
    assertTrue(uptime.contains("<title>Receipt emails: 83.33% uptime over the last 90 days</title>"), uptime);
    assertTrue(get("/badge/status-api.svg", null).body().contains("<title>Status &lt;API&gt; &amp; more: no data</title>"));
    assertEquals(404, get("/badge/secret-ledger-export.svg", null).statusCode(), "private monitors have no badge");
    assertEquals(404, get("/badge/secret-ledger-export/uptime.svg", null).statusCode());
    assertEquals(404, get("/badge/billing-receipts-worker.svg", null).statusCode(), "nor do internal names");
    assertEquals(404, get("/badge/nothing-here.svg", null).statusCode());
  }

  @Test
  void theTeamSeesPublicUpdatesWithTheirAuthorOnTheIncident() {
    JsonObject incident = api.get("/api/v1/incidents/" + openIncident).json();
    JsonArray updates = incident.getJsonArray("public_updates");
    assertTrue(updates.size() >= 2, updates.encode());
    assertEquals("investigating", updates.getJsonObject(0).getString("status"), "oldest first, like the timeline");
    assertEquals("dana-oncall", updates.getJsonObject(0).getString("by"));
    assertEquals(401, anonymous.post("/api/v1/incidents/" + openIncident + "/public-updates",
        update("investigating", "x").encode()).status(), "writing needs the token");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown status  | {"status":"fixed","message":"m","by":"dana"}          | status  | must be one of investigating, identified
      missing status  | {"message":"m","by":"dana"}                           | status  | is required
      blank message   | {"status":"identified","message":"  ","by":"dana"}    | message | is required
      message number  | {"status":"identified","message":5,"by":"dana"}       | message | must be text
      missing by      | {"status":"identified","message":"m"}                 | by      | is required
      unknown field   | {"status":"identified","message":"m","by":"d","x":1}  | x       | is not a field of a public update
      not json        | {"status":                                            | body    | not valid JSON
      """)
  void refusesBadPublicUpdatesNamingTheFieldAndStoresNothing(String name, String body, String field, String words) {
    long before = db.count("SELECT count(*) FROM incident_public_updates");
    Api.Response refused = api.post("/api/v1/incidents/" + openIncident + "/public-updates", body);
    assertEquals(400, refused.status(), refused.body());
    assertEquals(field, refused.json().getString("field"));
    assertTrue(refused.json().getString("message").contains(words), refused.body());
    assertEquals(before, db.count("SELECT count(*) FROM incident_public_updates"));
  }

  @Test
  void aPublicUpdateOfAnUnknownIncidentIs404() {
    long before = db.count("SELECT count(*) FROM incident_public_updates");
    assertEquals(404, api.post("/api/v1/incidents/" + UUID.randomUUID() + "/public-updates",
        update("investigating", "m").encode()).status());
    assertEquals(404, api.post("/api/v1/incidents/not-an-id/public-updates", update("investigating", "m").encode()).status());
    assertEquals(before, db.count("SELECT count(*) FROM incident_public_updates"));
  }

  @Test
  void monitorsShowTheirPublicFieldsAndPublicSlugsAreUnique() {
    JsonObject shown = api.get("/api/v1/monitors/" + receipts).json();
    assertEquals(true, shown.getBoolean("public"));
    assertEquals("Receipt emails", shown.getString("public_name"));
    assertEquals("Email", shown.getString("public_group"));
    assertNull(shown.getString("public_slug"));
    Api.Response taken = api.post("/api/v1/monitors", monitor("another", "https://x.example/q", "Bearer t")
        .put("public", true).put("public_slug", "status-api").encode());
    assertEquals(400, taken.status(), taken.body());
    assertEquals("public_slug", taken.json().getString("field"));
  }

  private static JsonObject monitor(String name, String url, String authorization) {
    return new JsonObject().put("name", name).put("type", "http").put("url", url)
        .put("headers", new JsonObject().put("Authorization", authorization))
        .put("regions", new JsonArray().add("eu-west"));
  }

  private UUID incident(String monitorId, String openedAt, String resolvedAt, String reason) {
    UUID id = UUID.randomUUID();
    db.execute("INSERT INTO incidents (id, monitor_id, monitor_name, opened_at, resolved_at, reason, regions_down)"
        + " VALUES (?, ?::uuid, 'internal', ?::timestamptz, " + (resolvedAt == null ? "NULL" : "'" + resolvedAt + "'")
        + "::timestamptz, ?, '{eu-west}')", id, monitorId, openedAt, reason);
    return id;
  }

  private void publicUpdate(String incidentId, String status, String message) {
    Api.Response added = api.post("/api/v1/incidents/" + incidentId + "/public-updates", update(status, message).encode());
    assertEquals(201, added.status(), added.body());
    assertNotNull(added.json().getJsonArray("public_updates"));
  }

  private static JsonObject update(String status, String message) {
    return new JsonObject().put("status", status).put("message", message).put("by", "dana-oncall");
  }

  private static JsonObject day(String date, Double upPercent) {
    return new JsonObject().put("date", date).put("up_percent", upPercent);
  }

  private static void assertNeverPublic(String body) {
    for (String secret : NEVER_PUBLIC) {
      assertFalse(body.contains(secret), "the public must not see " + secret);
    }
  }

  private HttpResponse<String> get(String path, String ifNoneMatch) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.node(0).httpPort() + path));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
