package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.RawProbeLink;
import io.quorate.coordinator.support.RecordingWebhook;
import io.quorate.coordinator.support.TestClock;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A probe's observations arrive in batches ({@code EventBatch}) and the coordinator stores each batch in one
 * transaction. What people see must not depend on how observations were batched: several runs of one monitor
 * in one batch count one after another, and a batch sent again after a reconnect counts once. The probe side
 * of the link is spoken by hand so each test decides what travels together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservationBatchTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
  private TestDatabase db;
  private TestCluster cluster;
  private Api api;
  private RecordingWebhook webhook;
  private long seq;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(1, db, Duration.ofMillis(200), clock);
    api = cluster.api(0);
    webhook = new RecordingWebhook();
    api.createWebhookChannel(webhook.url());
  }

  @AfterAll
  void stop() {
    cluster.close();
    webhook.close();
  }

  @Test
  void severalRunsOfOneMonitorInOneBatchCountInTheOrderTheProbeSentThem() {
    String id = queueMonitor("Queue invoices");
    try (RawProbeLink euWest = link("eu-west"); RawProbeLink usEast = link("us-east")) {
      euWest.sendAndAwaitAck(List.of(run(id, "up", 30), run(id, "down", 20), run(id, "down", 10)), WAIT);
      assertEquals(new JsonObject().put("verdict", "down").put("streak", 2), verdict(id, "eu-west"));
      assertEquals(null, api.openIncident(id), "one region of three opens nothing");

      // The second failure opens the incident; the success after it is a vote in that incident's timeline; the
      // last run is older than the region's newest, so it is history only.
      usEast.sendAndAwaitAck(List.of(run(id, "down", 20), run(id, "down", 10), run(id, "up", 5),
          run(id, "down", 25)), WAIT);
    }
    JsonObject incident = Eventually.value(WAIT, "an incident opens", () -> api.openIncident(id));
    assertEquals(List.of("eu-west", "us-east"), incident.getJsonArray("regions_down").getList());
    assertEquals(new JsonObject().put("verdict", "up").put("streak", 1), verdict(id, "us-east"));
    JsonArray timeline = api.get("/api/v1/incidents/" + incident.getString("id")).json().getJsonArray("timeline");
    assertTrue(timeline.stream().map(e -> ((JsonObject) e).getString("text"))
        .anyMatch(text -> text.startsWith("us-east votes up")), timeline.encodePrettily());
    assertEquals(7, observations(id).size(), "every run is kept, the older one too");
    Eventually.until(WAIT, "the page arrives", () -> webhook.accepted(id, "incident.opened").size() == 1);
    // The decision's time from reading the completing DOWN is measured (0 s here: the test clock stands still).
    String within100ms = "quorate_incident_decision_seconds_bucket{action=\"open\",le=\"0.1\"} ";
    Eventually.until(WAIT, "the decision's time is counted within 100 ms", () -> new Api(cluster.node(0).httpPort(), null)
        .get("/metrics").body().lines().filter(l -> l.startsWith(within100ms))
        .anyMatch(l -> Double.parseDouble(l.substring(within100ms.length())) >= 1));
  }

  @Test
  void aBatchSentAgainAfterAReconnectCountsOnceAndOpensNoSecondIncident() {
    String id = queueMonitor("Queue refunds");
    List<Event> failures = List.of(run(id, "down", 20), run(id, "down", 10));
    try (RawProbeLink euWest = link("eu-west"); RawProbeLink usEast = link("us-east")) {
      euWest.sendAndAwaitAck(List.of(run(id, "down", 20), run(id, "down", 10)), WAIT);
      usEast.sendAndAwaitAck(failures, WAIT);
    }
    Eventually.until(WAIT, "the page arrives", () -> webhook.accepted(id, "incident.opened").size() == 1);

    // The probe did not see the acknowledgement and sends the batch again on a new stream, this time with one
    // more failure behind it, an event repeated within the batch and an event for a malformed monitor id.
    Event third = run(id, "down", 5);
    Event malformed = Event.newBuilder(run(id, "down", 5)).setEventId(UUID.randomUUID().toString())
        .setObservation(Observation.newBuilder(third.getObservation()).setMonitorId("not-a-monitor")).build();
    try (RawProbeLink usEastAgain = link("us-east")) {
      usEastAgain.sendAndAwaitAck(List.of(failures.get(0), failures.get(1), third, third, malformed), WAIT);
    }

    assertEquals(new JsonObject().put("verdict", "down").put("streak", 3), verdict(id, "us-east"),
        "each failure counted once");
    assertEquals(5, observations(id).size(), "two from eu-west, three from us-east");
    assertEquals(1, db.count("SELECT count(*) FROM incidents WHERE monitor_id = ?::uuid", id));
    Eventually.during(Duration.ofSeconds(2), "no second page",
        () -> webhook.requestsFor(id).stream().filter(r -> r.event().equals("incident.opened")).count() == 1);
  }

  @Test
  void anEditedQuorumAppliesToTheNextBatch() {
    String id = queueMonitor("Queue exports");
    try (RawProbeLink euWest = link("eu-west")) {
      euWest.sendAndAwaitAck(List.of(run(id, "down", 30), run(id, "down", 20)), WAIT);
      assertEquals(new JsonObject().put("verdict", "down").put("streak", 2), verdict(id, "eu-west"));
      assertEquals(null, api.openIncident(id), "one region of three is below quorum 2");

      // The node has this monitor's rule in memory by now; the edit bumps its version, so the next batch reads it.
      JsonObject edited = api.get("/api/v1/monitors/" + id).json();
      Api.Response saved = api.put("/api/v1/monitors/" + id, new JsonObject().put("name", edited.getString("name"))
          .put("type", "http").put("url", "https://queues.example.com/stats").put("interval", "1m").put("timeout", "10s")
          .put("conditions", new JsonArray().add("[BODY].enqueued < 1000")).put("regions", new JsonArray(REGIONS))
          .put("quorum", 1).put("confirmations", 2).encode());
      assertEquals(200, saved.status(), saved.body());
      euWest.sendAndAwaitAck(List.of(run(id, "down", 10)), WAIT);
    }
    JsonObject incident = Eventually.value(WAIT, "quorum 1 opens an incident", () -> api.openIncident(id));
    assertEquals(List.of("eu-west"), incident.getJsonArray("regions_down").getList());
  }

  @Test
  void aFailureDoesNotWaitForTheBatchBeingStoredBeforeIt() {
    String busy = queueMonitor("Queue thumbnails");
    String failing = queueMonitor("Queue payouts");
    try (RawProbeLink euWest = link("eu-west"); RawProbeLink usEast = link("us-east")) {
      euWest.sendAndAwaitAck(List.of(run(failing, "down", 20), run(failing, "down", 10)), WAIT);
      List<Event> routine = IntStream.range(0, 300).mapToObj(i -> run(busy, "up", 30)).toList();
      try (TestDatabase.HeldLocks held = db.holdLocks("SELECT id FROM monitors WHERE id = ?::uuid FOR UPDATE", busy)) {
        usEast.send(routine);
        Eventually.until(WAIT, "us-east's routine batch waits for its monitor's lock",
            () -> db.count("SELECT count(*) FROM pg_locks WHERE NOT granted") > 0);
        usEast.send(List.of(run(failing, "down", 20), run(failing, "down", 10)));

        JsonObject incident = Eventually.value(WAIT, "the incident opens while that batch still waits",
            () -> api.openIncident(failing));
        assertEquals(List.of("eu-west", "us-east"), incident.getJsonArray("regions_down").getList());
        assertEquals(0, db.count("SELECT count(*) FROM observations WHERE monitor_id = ?::uuid", busy));
      }
      usEast.awaitAck(seq, WAIT);
    }
    assertEquals(300, db.count("SELECT count(*) FROM observations WHERE monitor_id = ?::uuid", busy),
        "the routine runs are stored once the lock is free, and acknowledged with the failures");
  }

  /** An HTTP monitor in three regions, quorum 2, 2 confirmations; no probe runs it: the test reports for them. */
  private String queueMonitor(String name) {
    return api.createMonitor(new JsonObject().put("name", name).put("type", "http")
        .put("url", "https://queues.example.com/stats").put("interval", "1m").put("timeout", "10s")
        .put("conditions", new JsonArray().add("[BODY].enqueued < 1000")).put("regions", new JsonArray(REGIONS))
        .put("quorum", 2).put("confirmations", 2)).getString("id");
  }

  private RawProbeLink link(String region) {
    return RawProbeLink.connect(cluster.grpcAddresses().get(0), TestCluster.PROBE_TOKEN, region, region + "-probe-1");
  }

  /** A run observed {@code secondsAgo} before the coordinator's clock, with a sequence number and event id of its own. */
  private Event run(String monitorId, String outcome, int secondsAgo) {
    boolean up = outcome.equals("up");
    seq++;
    return Event.newBuilder().setSeq(seq).setEventId("test-" + UUID.randomUUID())
        .setObservation(Observation.newBuilder().setMonitorId(monitorId)
            .setObservedAtMs(clock.instant().minusSeconds(secondsAgo).toEpochMilli())
            .setOutcome(up ? Outcome.OUTCOME_UP : Outcome.OUTCOME_DOWN).setStatusCode(200).setLatencyMs(12)
            .setReason(up ? "" : "[BODY].enqueued (5234) < 1000").putValues("[BODY].enqueued", up ? 12 : 5234))
        .build();
  }

  private JsonObject verdict(String monitorId, String region) {
    JsonObject verdict = api.get("/api/v1/monitors/" + monitorId).json().getJsonArray("region_verdicts")
        .getJsonObject(REGIONS.indexOf(region));
    assertNotNull(verdict);
    return new JsonObject().put("verdict", verdict.getString("verdict")).put("streak", verdict.getInteger("streak"));
  }

  private JsonArray observations(String monitorId) {
    return api.get("/api/v1/monitors/" + monitorId + "/observations?limit=100").json().getJsonArray("observations");
  }
}
