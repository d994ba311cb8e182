package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Browser;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.Pinger;
import io.quorate.coordinator.support.QueueEndpoint;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.coordinator.support.TestProbes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Registering monitors from the team view in a real headless Chromium: a heartbeat through the form, pinged
 * at the URL the page shows until the page says Up; an HTTP queue monitor whose bad condition is marked
 * while typing, whose API problem sits next to its field, tested from every region before saving, then
 * edited with its secret header kept and never shown.
 */
class MonitorFormBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final String SECRET = "Bearer queue-s3cret";
  private TestDatabase db;
  private TestCluster cluster;
  private TestProbes probes;
  private QueueEndpoint queues;
  private Browser browser;
  private Api api;

  @BeforeEach
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(1, db, Duration.ofMillis(200));
    queues = new QueueEndpoint();
    probes = TestProbes.start(cluster.grpcAddresses(), TestCluster.PROBE_TOKEN, "eu-west", "us-east", "ap-south");
    api = cluster.api(0);
    Eventually.until(WAIT, "all probes linked", probes::allConnected);
    browser = Browser.start();
  }

  @AfterEach
  void stop() {
    browser.close();
    probes.close();
    cluster.close();
    queues.close();
  }

  @Test
  void registersAHeartbeatAndAnHttpQueueMonitorFromTheBrowser() {
    browser.keepScreenshotIfFails("monitor-form", () -> {
      signIn();
      registerAHeartbeatAndPingIt();
      registerAnHttpMonitorTestedFromEveryRegion();
      editItKeepingTheSecretHeaderUnseen();
    });
  }

  private void signIn() {
    browser.signInToTeamView("http://127.0.0.1:" + cluster.node(0).httpPort() + "/app", cluster.api(0), "erin", "editor");
    browser.waitForText(WAIT, "#monitors", "No monitors yet");
  }

  private void registerAHeartbeatAndPingIt() {
    browser.click(WAIT, "#mf-new-heartbeat");
    browser.waitForText(WAIT, "#mf-title", "New heartbeat");
    everyControlHasALabel();
    browser.type("#mf-name", "Nightly invoice export");
    assertFalse(browser.find("#mf-url").isDisplayed(), "HTTP fields are hidden for a heartbeat");
    assertFalse(browser.find("#mf-cron").isDisplayed(), "cron fields wait until a cron schedule is chosen");
    browser.type("#mf-period", "5m");
    browser.type("#mf-grace", "2m");
    browser.type("#mf-slug", "invoice-export");
    browser.click(WAIT, "#mf-save");
    browser.waitForText(WAIT, "#mf-result", "Saved \"Nightly invoice export\".");

    String pingUrl = browser.text("#mf-heartbeat .ping-url");
    JsonObject saved = monitorNamed("Nightly invoice export");
    assertTrue(pingUrl.endsWith("/ping/" + saved.getString("ping_id")), pingUrl);
    assertTrue(browser.text("#mf-heartbeat .slug-url").endsWith("/invoice-export"), browser.text("#mf-heartbeat"));
    assertTrue(browser.text("[data-snippet=curl] code").contains("curl -fsS -m 10 --retry 5 -o /dev/null " + pingUrl));
    assertEquals(8, browser.findAll("#mf-heartbeat button.copy").size(), "a copy button per URL (2) and snippet (6)");
    browser.click(WAIT, "#mf-heartbeat .ping-urls button.copy");
    browser.waitForText(WAIT, "#mf-heartbeat .copy-status", "opied"); // Copied, or Selected where the clipboard is refused

    Pinger.Answer answer = new Pinger(cluster.node(0).httpPort()).post(URI.create(pingUrl).getPath(), "processed 42 invoices");
    assertEquals(200, answer.status(), answer.body());
    browser.waitForText(WAIT, "#mf-heartbeat .hb-state", "Up");
    browser.waitForText(WAIT, "#mf-heartbeat .hb-pings", "processed 42 invoices");
    assertFalse(browser.text("#mf-heartbeat").lines().anyMatch(l -> l.startsWith("null")), browser.text("#mf-heartbeat"));
  }

  private void registerAnHttpMonitorTestedFromEveryRegion() {
    browser.click(WAIT, "#mf-new-http");
    browser.waitForText(WAIT, "#mf-title", "New HTTP queue monitor");
    assertTrue(browser.find("#mf-heartbeat").getAttribute("hidden") != null, "the heartbeat panel closes");
    assertFalse(browser.find("#mf-period").isDisplayed(), "heartbeat fields are hidden for an HTTP check");
    assertTrue(browser.find("#mf-interval").isDisplayed());
    browser.type("#mf-name", "Orders queue");
    browser.type("#mf-url", queues.url("orders"));
    browser.type(".header-row:nth-child(1) .h-name", "Authorization");
    browser.type(".header-row:nth-child(1) .h-value", SECRET);
    browser.click(WAIT, ".header-row:nth-child(1) .h-secret");
    browser.click(WAIT, "#mf-headers button.add-header");
    browser.type(".header-row:nth-child(2) .h-name", "Accept");
    browser.type(".header-row:nth-child(2) .h-value", "application/json");
    browser.type("#mf-interval", "2s");
    browser.type("#mf-timeout", "5s");

    // A bad condition is marked next to the field as soon as the field is left.
    browser.type("#mf-conditions", "[STATUS] == 200\n\n[BODY].enqueued <<< 1000");
    browser.find("#mf-conditions").sendKeys(Keys.TAB);
    browser.waitForText(WAIT, "#mf-conditions-error", "Line 3: unknown operator");
    assertEquals("true", browser.find("#mf-conditions").getAttribute("aria-invalid"));
    assertTrue(browser.find("#mf-conditions").getAttribute("aria-describedby").contains("mf-conditions-error"));
    browser.type("#mf-conditions", "[STATUS] == 200\n[BODY].enqueued < 1000");
    Eventually.until(WAIT, "the fixed conditions are no longer marked", () -> browser.text("#mf-conditions-error").isEmpty());

    // The API refuses the timeout: the problem sits next to the field, and nothing typed is lost.
    browser.waitForText(WAIT, "#mf-regions", "ap-south");
    browser.click(WAIT, "#mf-save");
    browser.waitForText(WAIT, "#mf-timeout-error", "at most the interval (2s)");
    assertEquals("mf-timeout", browser.focusedId(), "the field in error gets the focus");
    assertTrue(browser.find("#mf-timeout").getAttribute("aria-describedby").contains("mf-timeout-error"));
    assertEquals("Orders queue", browser.value("#mf-name"));
    assertEquals(SECRET, browser.value(".header-row:nth-child(1) .h-value"));
    assertEquals("[STATUS] == 200\n[BODY].enqueued < 1000", browser.value("#mf-conditions"));
    browser.type("#mf-timeout", "1s");

    // Test now: every region's condition lines, before anything is saved.
    queues.fail("orders", "eu-west");
    browser.click(WAIT, "#mf-test-now");
    browser.waitForText(WAIT, "[data-test-region=eu-west]", "[BODY].enqueued (5234) < 1000 — failed");
    browser.waitForText(WAIT, "[data-test-region=us-east]", "[BODY].enqueued (12) < 1000 — passed");
    browser.waitForText(WAIT, "[data-test-region=ap-south]", "[STATUS] (200) == 200 — passed");
    assertTrue(browser.text("#mf-test").contains("2 of 3 regions passed; failed: eu-west"), browser.text("#mf-test"));
    browser.script("document.getElementById('monitor-editor').scrollIntoView();");
    browser.screenshot("readme-monitor-form");
    browser.screenshotOf("#mf-test", "readme-test-now");
    assertFalse(browser.text("#mf-test").lines().anyMatch(l -> l.startsWith("null")), browser.text("#mf-test"));
    assertEquals(1, api.get("/api/v1/monitors").json().getJsonArray("monitors").size(), "testing saved nothing");

    browser.click(WAIT, "#mf-save");
    browser.waitForText(WAIT, "#mf-result", "Saved \"Orders queue\".");
    JsonObject saved = monitorNamed("Orders queue");
    assertEquals(new JsonArray().add("[STATUS] == 200").add("[BODY].enqueued < 1000"), saved.getJsonArray("conditions"));
    assertEquals(new JsonObject().put("value", "****").put("secret", true),
        saved.getJsonObject("headers").getJsonObject("Authorization"));
    assertEquals("application/json", saved.getJsonObject("headers").getString("Accept"));
    assertEquals(List.of("ap-south", "eu-west", "us-east"), saved.getJsonArray("regions").stream().sorted().toList());
  }

  private void editItKeepingTheSecretHeaderUnseen() {
    String id = monitorNamed("Orders queue").getString("id");
    browser.click(WAIT, "#mf-close");
    Eventually.until(WAIT, "the form closes", () -> !browser.find("#monitor-form").isDisplayed());
    browser.click(WAIT, "#mf-edit-pick option[value='" + id + "']"); // listed by the page's next poll
    browser.click(WAIT, "#mf-edit");
    Eventually.until(WAIT, "the form opens the saved monitor", () -> browser.find("#monitor-form").isDisplayed());
    browser.waitForText(WAIT, "#mf-title", "Edit Orders queue");

    String stored = ".header-row[data-stored-secret] ";
    assertEquals("Authorization", browser.value(stored + ".h-name"));
    assertEquals("", browser.value(stored + ".h-value"), "a secret value is never filled in");
    assertEquals("password", browser.find(stored + ".h-value").getAttribute("type"));
    assertTrue(browser.find(stored + ".h-value").getAttribute("placeholder").contains("write-only"));
    assertTrue(browser.text("#mf-headers").contains("A value is stored and never shown; leave it empty to keep it."), browser.text("#mf-headers"));
    assertFalse(browser.pageSource().contains("queue-s3cret"), "the secret never reaches the page");
    assertEquals("true", browser.find("#mf-type").getAttribute("disabled"), "the type cannot change");

    browser.find("#mf-conditions").sendKeys(Keys.END, "\n[BODY].oldest_age_s < 5m");
    browser.click(WAIT, "#mf-save");
    browser.waitForText(WAIT, "#mf-result", "Saved \"Orders queue\".");
    JsonObject edited = api.get("/api/v1/monitors/" + id).json();
    assertEquals(2L, edited.getLong("version"));
    assertEquals(3, edited.getJsonArray("conditions").size(), edited.encode());
    assertEquals(1L, db.count("SELECT count(*) FROM monitors WHERE id = ?::uuid AND"
        + " spec->'headers'->'Authorization'->>'value' = ?", id, SECRET), "the stored secret is kept");
    int seenBefore = queues.seenHeaders().size();
    Eventually.until(WAIT, "the probes still send the kept secret after the edit", () -> queues.seenHeaders()
        .subList(seenBefore, queues.seenHeaders().size()).stream()
        .anyMatch(h -> h.get("queue").equals("orders") && h.get("authorization").equals(SECRET)));
  }

  /** Screen readers name each control by its label; hints and errors are linked by aria-describedby. */
  private void everyControlHasALabel() {
    List<WebElement> controls = browser.findAll("#monitor-editor input, #monitor-editor select, #monitor-editor textarea");
    assertTrue(controls.size() > 30, "the form is there: " + controls.size());
    for (WebElement control : controls) {
      String id = control.getAttribute("id");
      assertTrue(id != null && !id.isEmpty() && !browser.findAll("label[for='" + id + "']").isEmpty(),
          "a label for " + control.getAttribute("outerHTML"));
    }
  }

  private JsonObject monitorNamed(String name) {
    return api.get("/api/v1/monitors").json().getJsonArray("monitors").stream().map(JsonObject.class::cast)
        .filter(m -> name.equals(m.getString("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no monitor named " + name));
  }
}
