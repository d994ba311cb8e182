package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Browser;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.QueueEndpoint;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.coordinator.support.TestProbes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The team view in a real headless Chromium on a two-node cluster, the page on node 1 and the probes linked to
 * node 0: an incident decided on node 0 appears on the page through the event stream, without a reload and
 * well before the 30 s fallback poll; choosing an owner shows only that owner's monitors.
 */
class TeamViewLiveBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  /** The page's poll while the stream is live; an incident shown sooner came through the stream. */
  private static final Duration FALLBACK_POLL = Duration.ofSeconds(30);
  private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  private TestCluster cluster;
  private TestProbes probes;
  private QueueEndpoint queues;
  private Browser browser;
  private Api api;

  @BeforeEach
  void start() {
    cluster = TestCluster.start(2, TestDatabase.create(), Duration.ofMillis(200));
    queues = new QueueEndpoint();
    probes = TestProbes.start(List.of(cluster.grpcAddresses().get(0)), TestCluster.PROBE_TOKEN,
        REGIONS.toArray(String[]::new));
    api = cluster.api(0);
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
  void anIncidentAppearsLiveAndTheOwnerFilterNarrowsTheList() {
    browser.keepScreenshotIfFails("team-view-live", this::incidentLiveThenOwnerFilter);
  }

  private void incidentLiveThenOwnerFilter() {
    String receipts = queueMonitor("Receipt emails", "billing", "receipts");
    queueMonitor("Search indexer", "search", "search");

    browser.signInToTeamView("http://127.0.0.1:" + cluster.node(1).httpPort() + "/app", cluster.api(0), "olive", "viewer");
    browser.waitForText(WAIT, "#monitors", "Search indexer");
    browser.waitForText(WAIT, "#live-status", "Live");
    browser.script("window.__marker = 1;");

    queues.fail("receipts", "eu-west", "us-east");
    JsonObject incident = Eventually.value(WAIT, "node 0 opens the incident", () -> api.openIncident(receipts));
    Instant opened = Instant.now();
    browser.waitForText(FALLBACK_POLL.minusSeconds(10), "#incidents", "Receipt emails");
    Duration shownAfter = Duration.between(opened, Instant.now());
    String cause = String.valueOf(browser.script("return document.getElementById('dashboard').dataset.refreshedBy;"));
    assertTrue(cause.startsWith("event:"), "the page read it again because of an event, not a poll: " + cause);
    assertTrue(shownAfter.compareTo(FALLBACK_POLL) < 0, "shown " + shownAfter + " after it opened");
    assertEquals(1L, browser.script("return window.__marker;"), "the page was not reloaded");
    browser.waitForText(WAIT, "tr[data-monitor-id='" + receipts + "']", "Down");
    assertTrue(browser.text("#incidents").contains("eu-west"), incident.encode());

    browser.select("#filter-owner", "search");
    Eventually.until(WAIT, "only the search team's monitors are listed",
        () -> !browser.text("#monitors").contains("Receipt emails") && browser.text("#monitors").contains("Search indexer"));
    assertTrue(browser.text("#monitors").contains("owner search"));
    browser.select("#filter-owner", "Any owner");
    browser.waitForText(WAIT, "#monitors", "Receipt emails");
    assertFalse(browser.text("#monitor-counts").isEmpty(), "counts per state are shown");
  }

  private String queueMonitor(String name, String owner, String queue) {
    return api.createMonitor(new JsonObject().put("name", name).put("type", "http").put("owner", owner)
        .put("url", queues.url(queue)).put("interval", "1s").put("timeout", "500ms")
        .put("conditions", new JsonArray().add("[BODY].enqueued < 1000")).put("regions", new JsonArray(REGIONS)))
        .getString("id");
  }
}
