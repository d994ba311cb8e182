package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Browser;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The team view in a real headless Chromium: a test alert through each channel reports whether the
 * receiver accepted it; an incident appears without a reload and is acknowledged from the page; the
 * probe regions show whether they vote and how each node links; a region token is created and revoked.
 */
class TeamViewBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  private TestCluster cluster;
  private TestProbes probes;
  private QueueEndpoint queues;
  private RecordingWebhook webhook;
  private Browser browser;
  private Api api;

  @BeforeEach
  void start() {
    cluster = TestCluster.start(1, TestDatabase.create(), Duration.ofMillis(200));
    queues = new QueueEndpoint();
    webhook = new RecordingWebhook();
    probes = TestProbes.start(cluster.grpcAddresses(), TestCluster.PROBE_TOKEN, REGIONS.toArray(String[]::new));
    api = cluster.api(0);
    browser = Browser.start();
  }

  @AfterEach
  void stop() {
    browser.close();
    probes.close();
    cluster.close();
    queues.close();
    webhook.close();
  }

  @Test
  void testAlertsIncidentsAndRegionsFromTheBrowser() {
    browser.keepScreenshotIfFails("team-view", this::testAlertsIncidentsAndRegions);
  }

  private void testAlertsIncidentsAndRegions() {
    api.createChannel(new JsonObject().put("type", "webhook").put("name", "On-call hook").put("url", webhook.url()));
    api.createChannel(new JsonObject().put("type", "webhook").put("name", "Deleted hook")
        .put("url", "http://127.0.0.1:" + TestCluster.freePort() + "/gone"));
    JsonObject monitor = api.createMonitor(new JsonObject().put("name", "Receipt emails").put("type", "http")
        .put("url", queues.url("receipts") + "?internal=billing-db-7").put("interval", "1s").put("timeout", "500ms")
        .put("headers", new JsonObject().put("X-Queue-Key", new JsonObject().put("value", "sekret-queue-key").put("secret", true)))
        .put("public", true).put("public_name", "Email receipts")
        .put("conditions", new JsonArray().add("[BODY].enqueued < 1000")).put("regions", new JsonArray(REGIONS)));

    browser.signInToTeamView("http://127.0.0.1:" + cluster.node(0).httpPort() + "/app", api, "dana", "admin");
    browser.waitForText(WAIT, "#monitors", "Receipt emails");

    // A test alert through each channel, with the receiver's answer on the page.
    browser.click(WAIT, ".channel:nth-of-type(2) button.test-alert");
    browser.waitForText(WAIT, ".channel:nth-of-type(2) .test-result", "Test alert accepted by the receiver.");
    browser.click(WAIT, ".channel:nth-of-type(1) button.test-alert");
    browser.waitForText(WAIT, ".channel:nth-of-type(1) .test-result", "Test alert refused:");
    assertTrue(browser.text(".channel:nth-of-type(1) h3").contains("Deleted hook"), "channels sorted by name");

    // Every region votes.
    browser.waitForText(WAIT, "[data-region=ap-south]", "votes");
    assertTrue(browser.text("[data-region=eu-west]").contains("Healthy"), browser.text("#probe-regions"));
    assertTrue(browser.text("[data-region=eu-west]").contains("with shared probe token"), browser.text("#probe-regions"));

    enrollAndRevokeARegionToken();

    // The queue fails in two regions: the incident shows up without a reload, and is acknowledged here.
    queues.fail("receipts", "eu-west", "us-east");
    browser.waitForText(WAIT, "#incidents", "Receipt emails");
    browser.click(WAIT, "#incidents button[data-action=acknowledge]");
    browser.waitForText(WAIT, "#incidents", "Acknowledged by dana");
    JsonObject incident = api.openIncident(monitor.getString("id"));
    assertEquals("dana", incident.getString("acknowledged_by"));
    assertTrue(browser.findAll("#incidents button[data-action=acknowledge]").isEmpty(), "acknowledged once");
    Eventually.until(WAIT, "the webhook got the test alert and the incident",
        () -> webhook.accepted(monitor.getString("id"), "incident.opened").size() == 1);

    browser.script("window.scrollTo(0, 0);");
    browser.screenshot("readme-team-view");
    assertTrue(!browser.text("#dashboard").contains("null"), "no absent value shows as \"null\": " + browser.text("#dashboard"));
    assertTrue(!browser.find("#public-update-form").isDisplayed(), "a hidden form stays hidden");
    readTheTimelineAndAddANote();
    tellCustomersOnThePublicPage();
  }

  /** The incident page: every decision and notification in its timeline, and a note added from the page. */
  private void readTheTimelineAndAddANote() {
    browser.click(WAIT, "#incidents button[data-action=details]");
    browser.waitForText(WAIT, "#incident-title", "Incident: Receipt emails");
    browser.waitForText(WAIT, "#incident-body .timeline", "dana");
    browser.type("#incident-note-form textarea[name=text]", "Template field missing since the 14:00 deploy.");
    browser.click(WAIT, "#incident-note-form button[type=submit]");
    browser.waitForText(WAIT, "#incident-body .timeline", "Template field missing since the 14:00 deploy.");
    browser.screenshotOf("#incident-detail", "readme-incident");
    assertTrue(browser.text("#incident-body .timeline").contains("incident.opened"), browser.text("#incident-body"));
  }

  /** A public update written in the team view; the public page shows the outage and it, and no secret. */
  private void tellCustomersOnThePublicPage() {
    browser.click(WAIT, "#incidents button[data-action=public-update]");
    browser.waitForText(WAIT, "#public-update-title", "Public update for Receipt emails");
    browser.type("#public-update-form textarea[name=message]", "Receipts are delayed; we are on it.");
    browser.click(WAIT, "#public-update-form button[type=submit]");
    browser.waitForText(WAIT, "#public-update-result", "Posted");

    browser.open("http://127.0.0.1:" + cluster.node(0).httpPort() + "/status");
    Eventually.until(WAIT, "the public page shows the outage and the update", () -> {
      browser.open("http://127.0.0.1:" + cluster.node(0).httpPort() + "/status");
      String page = browser.text("body");
      return page.contains("Email receipts") && page.contains("Receipts are delayed; we are on it.");
    });
    browser.screenshotOf("body", "readme-status-page");
    String page = browser.text("body") + browser.pageSource();
    assertTrue(page.contains("Down") || page.contains("Outage") || page.contains("outage"), page);
    for (String secret : List.of("Receipt emails", "billing-db-7", "sekret-queue-key", "X-Queue-Key", "enqueued",
        queues.url("receipts"), "dana")) {
      assertTrue(!page.contains(secret), "the public page must not show " + secret);
    }
  }

  /** An admin creates a region token in the page, sees it once, and revokes it with a second press. */
  private void enrollAndRevokeARegionToken() {
    browser.type("#probe-token-form input[name=region]", "eu-central");
    browser.type("#probe-token-form input[name=name]", "frankfurt vm 1");
    browser.click(WAIT, "#probe-token-form button[type=submit]");
    browser.waitForText(WAIT, "#probe-token-result", "Token created for eu-central.");
    browser.waitForText(WAIT, "#probe-tokens", "frankfurt vm 1");
    String secret = browser.text("#probe-tokens .token-secret");
    JsonObject listed = api.get("/api/v1/probe-tokens").json().getJsonArray("probe_tokens").getJsonObject(0);
    assertEquals("eu-central", listed.getString("region"));
    assertTrue(secret.length() >= 32, "the token is shown once: " + secret);
    assertTrue(!api.get("/api/v1/probe-tokens").body().contains(secret), "and never listed again");

    browser.click(WAIT, "button.revoke-token");
    browser.waitForText(WAIT, "#probe-token-result", "Press again to revoke");
    assertEquals("active", api.get("/api/v1/probe-tokens").json().getJsonArray("probe_tokens").getJsonObject(0)
        .getString("state"), "one press revokes nothing");
    browser.click(WAIT, "button.revoke-token");
    browser.waitForText(WAIT, "#probe-token-result", "Token revoked.");
    browser.waitForText(WAIT, "[data-token-id] .badge", "Revoked");
    assertTrue(browser.findAll("#probe-tokens .token-secret").isEmpty(), "a revoked token's secret is gone from the page");
  }

}
