package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.Pinger;
import io.quorate.coordinator.support.RecordingWebhook;
import io.quorate.coordinator.support.TestClock;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An incident's life as people work it, on two clustered coordinator nodes and real PostgreSQL, with time
 * moved by hand: acknowledge, notes, reminders and escalation (which acknowledging stops), resolving by
 * hand, a flap reopening the same incident, and the timeline that records it all. Heartbeat fail pings
 * open the incidents, so each test controls exactly when its monitor fails and recovers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
  private TestDatabase db;
  private TestCluster cluster;
  private Api api;
  private Pinger pinger;
  private RecordingWebhook onCall;
  private RecordingWebhook managers;
  private String onCallChannel;
  private String managersChannel;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(2, db, Duration.ofMillis(200), clock);
    api = cluster.api(0);
    pinger = new Pinger(cluster.node(1).httpPort());
    onCall = new RecordingWebhook();
    managers = new RecordingWebhook();
    onCallChannel = api.createChannel(new JsonObject().put("type", "webhook").put("name", "on-call")
        .put("url", onCall.url())).getString("id");
    managersChannel = api.createChannel(new JsonObject().put("type", "webhook").put("name", "managers")
        .put("url", managers.url())).getString("id");
  }

  @AfterAll
  void stop() {
    cluster.close();
    onCall.close();
    managers.close();
  }

  private JsonObject heartbeat(String name, JsonObject alerting) {
    return api.createMonitor(alerting.copy().put("name", name).put("type", "heartbeat").put("period", "1d")
        .put("grace", "1d").put("channels", new JsonArray().add(onCallChannel)));
  }

  /** Each ping a second after the last, as pings of one job are in life (a tie would leave the order open). */
  private void ping(JsonObject monitor, String suffix, String body) {
    clock.advance(Duration.ofSeconds(1));
    assertEquals(200, pinger.post("/ping/" + monitor.getString("ping_id") + suffix, body).status());
  }

  private JsonObject failAndWaitForIncident(JsonObject monitor, String error) {
    ping(monitor, "/fail", error);
    return Eventually.value(WAIT, "an incident opens", () -> api.openIncident(monitor.getString("id")));
  }

  private JsonObject incident(String id) {
    Api.Response response = api.get("/api/v1/incidents/" + id);
    assertEquals(200, response.status(), response.body());
    return response.json();
  }

  private List<String> events(RecordingWebhook receiver, JsonObject monitor) {
    return receiver.requestsFor(monitor.getString("id")).stream().map(RecordingWebhook.Request::event).toList();
  }

  private Api.Response act(String incidentId, String action, JsonObject body) {
    return api.post("/api/v1/incidents/" + incidentId + "/" + action, body.encode());
  }

  @Test
  void acknowledgingStopsRemindersAndEscalation() {
    JsonObject monitor = heartbeat("Receipt emails", new JsonObject().put("remind_every", "10m")
        .put("escalation", new JsonObject().put("after", "25m").put("channels", new JsonArray().add(managersChannel))));
    JsonObject opened = failAndWaitForIncident(monitor, "SMTP 421 too many connections");
    String id = opened.getString("id");
    Eventually.until(WAIT, "the page arrives", () -> onCall.accepted(monitor.getString("id"), "incident.opened").size() == 1);

    clock.advance(Duration.ofMinutes(10));
    Eventually.until(WAIT, "a reminder after 10 minutes",
        () -> onCall.accepted(monitor.getString("id"), "incident.reminder").size() == 1);
    String reminder = onCall.accepted(monitor.getString("id"), "incident.reminder").get(0).body().getString("text");
    assertTrue(reminder.startsWith("STILL DOWN (reminder 1): Receipt emails, down for 10m, not acknowledged."), reminder);

    clock.advance(Duration.ofMinutes(10));
    Eventually.until(WAIT, "a second reminder",
        () -> onCall.accepted(monitor.getString("id"), "incident.reminder").size() == 2);
    assertTrue(managers.requestsFor(monitor.getString("id")).isEmpty(), "not escalated before 25 minutes");

    clock.advance(Duration.ofMinutes(5));
    Eventually.until(WAIT, "escalated to the managers after 25 minutes",
        () -> managers.accepted(monitor.getString("id"), "incident.escalated").size() == 1);
    assertTrue(managers.accepted(monitor.getString("id"), "incident.escalated").get(0).body().getString("text")
        .startsWith("ESCALATED: Receipt emails, down for 25m and not acknowledged."));

    Api.Response acked = act(id, "acknowledge", new JsonObject().put("by", "dana").put("note", "restarting the mailer"));
    assertEquals(200, acked.status(), acked.body());
    assertEquals("acknowledged", acked.json().getString("state"));
    assertEquals("dana", acked.json().getString("acknowledged_by"));
    Eventually.until(WAIT, "the acknowledgement is announced",
        () -> onCall.accepted(monitor.getString("id"), "incident.acknowledged").size() == 1);
    assertTrue(onCall.accepted(monitor.getString("id"), "incident.acknowledged").get(0).body().getString("text")
        .startsWith("ACKNOWLEDGED: Receipt emails, by dana: restarting the mailer."));

    clock.advance(Duration.ofMinutes(45));
    Eventually.during(Duration.ofSeconds(1), "no reminder once acknowledged",
        () -> onCall.requestsFor(monitor.getString("id")).size() == 4);
    assertEquals(List.of("incident.opened", "incident.reminder", "incident.reminder", "incident.acknowledged"),
        events(onCall, monitor), "each notification once, though two nodes sweep");
    assertEquals(List.of("incident.escalated"), events(managers, monitor));
    assertEquals(200, act(id, "acknowledge", new JsonObject().put("by", "erin")).status(), "acknowledging twice is harmless");
    assertEquals("dana", incident(id).getString("acknowledged_by"));
  }

  @Test
  void remindersHeldForWorkingHoursArriveAsOne() {
    try (RecordingWebhook office = new RecordingWebhook()) {
      String officeChannel = api.createChannel(new JsonObject().put("type", "webhook").put("name", "office")
          .put("url", office.url()).put("working_hours", new JsonObject()
              .put("days", new JsonArray(List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")))
              .put("start", "09:00").put("end", "17:00").put("time_zone", "UTC"))).getString("id");
      JsonObject monitor = api.createMonitor(new JsonObject().put("name", "Invoice PDFs").put("type", "heartbeat")
          .put("period", "1d").put("grace", "1d").put("urgency", "working_hours").put("remind_every", "1h")
          .put("channels", new JsonArray().add(officeChannel)));
      String monitorId = monitor.getString("id");
      advanceToNext(LocalTime.of(18, 0));
      String id = failAndWaitForIncident(monitor, "PDF renderer crashed").getString("id");
      for (int reminder = 1; reminder <= 3; reminder++) {
        clock.advance(Duration.ofHours(1));
        int expected = reminder;
        Eventually.until(WAIT, "reminder " + reminder + " is due and decided",
            () -> incident(id).getInteger("reminders_sent") == expected);
      }
      Eventually.during(Duration.ofSeconds(1), "nothing reaches the office at night", () -> office.requestsFor(monitorId).isEmpty());

      advanceToNext(LocalTime.of(9, 1));
      Eventually.until(WAIT, "the morning brings the page and one reminder",
          () -> office.requestsFor(monitorId).size() >= 2);
      Eventually.during(Duration.ofSeconds(1), "not a reminder per hour of the night",
          () -> office.requestsFor(monitorId).size() == 2);
      // Both fell due at the opening of working hours and were sent together, in either order.
      assertEquals(List.of("incident.opened", "incident.reminder"), events(office, monitor).stream().sorted().toList());
      assertEquals(200, act(id, "resolve", new JsonObject().put("by", "erin").put("note", "renderer fixed")).status());
    }
  }

  /** Moves the clock forward to the next {@code time} of day, UTC. */
  private void advanceToNext(LocalTime time) {
    java.time.ZonedDateTime now = clock.instant().atZone(java.time.ZoneOffset.UTC);
    java.time.ZonedDateTime next = now.with(time);
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    clock.advance(Duration.between(now, next));
  }

  @Test
  void theTimelineTellsTheWholeStory() {
    JsonObject monitor = heartbeat("Invoice PDFs", new JsonObject());
    String id = failAndWaitForIncident(monitor, "order 4411 failed: template field missing").getString("id");
    Eventually.until(WAIT, "the page is delivered", () -> !onCall.accepted(monitor.getString("id"), "incident.opened").isEmpty());
    clock.advance(Duration.ofMinutes(1));
    ping(monitor, "/fail", "order 4412 failed: template field missing");
    ping(monitor, "/fail", "connection reset by peer");
    assertEquals(200, act(id, "notes", new JsonObject().put("by", "sam").put("text", "customers see no PDF")).status());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(200, act(id, "acknowledge", new JsonObject().put("by", "sam")).status());
    Eventually.until(WAIT, "the acknowledgement is delivered",
        () -> !onCall.accepted(monitor.getString("id"), "incident.acknowledged").isEmpty());
    clock.advance(Duration.ofMinutes(3));
    ping(monitor, "", "");
    Eventually.until(WAIT, "resolved when the job succeeds", () -> api.openIncident(monitor.getString("id")) == null);

    JsonObject detail = Eventually.value(WAIT, "the recovery is delivered", () -> {
      JsonObject current = incident(id);
      return current.getJsonArray("timeline").stream().map(JsonObject.class::cast)
          .filter(e -> e.getString("kind").equals("notification")).count() == 3 ? current : null;
    });
    assertEquals("resolved", detail.getString("state"));
    List<String> kinds = detail.getJsonArray("timeline").stream().map(JsonObject.class::cast)
        .map(e -> e.getString("kind")).toList();
    assertEquals(List.of("opened", "notification", "note", "acknowledged", "notification", "resolved", "notification"),
        kinds, detail.getJsonArray("timeline").encodePrettily());
    JsonObject note = detail.getJsonArray("timeline").getJsonObject(2);
    assertEquals("sam", note.getString("actor"));
    assertEquals("customers see no PDF", note.getString("text"));
    String delivered = detail.getJsonArray("timeline").getJsonObject(1).getString("text");
    assertEquals("incident.opened to on-call: delivered", delivered);

    JsonArray buckets = detail.getJsonArray("failure_buckets");
    assertEquals("job failed: order # failed: template field missing", buckets.getJsonObject(0).getString("label"));
    assertEquals(2, buckets.getJsonObject(0).getInteger("count"));
    assertEquals("order 4411 failed: template field missing", buckets.getJsonObject(0).getString("example"));
    assertEquals("job failed: connection reset by peer", buckets.getJsonObject(1).getString("label"));
    assertEquals(1, buckets.getJsonObject(1).getInteger("count"));
  }

  @Test
  void resolvingByHandHoldsNewAlertsUntilTheMonitorRecovers() {
    JsonObject monitor = heartbeat("Search indexer", new JsonObject());
    String id = failAndWaitForIncident(monitor, "index locked").getString("id");
    Api.Response resolved = act(id, "resolve", new JsonObject().put("by", "lee").put("note", "known, fixing tomorrow"));
    assertEquals(200, resolved.status(), resolved.body());
    assertEquals("resolved", resolved.json().getString("state"));
    assertEquals("lee", resolved.json().getString("resolved_by"));
    Eventually.until(WAIT, "the resolution is announced",
        () -> onCall.accepted(monitor.getString("id"), "incident.resolved").size() == 1);
    String text = onCall.accepted(monitor.getString("id"), "incident.resolved").get(0).body().getString("text");
    assertTrue(text.contains("Resolved by hand by lee"), text);
    assertTrue(text.contains("known, fixing tomorrow"), text);

    ping(monitor, "/fail", "index locked");
    Eventually.during(Duration.ofSeconds(1), "still failing, but resolved by hand: no new page",
        () -> api.openIncident(monitor.getString("id")) == null);
    assertEquals(409, act(id, "resolve", new JsonObject().put("by", "lee")).status(), "already resolved");

    ping(monitor, "", "");
    clock.advance(Duration.ofMinutes(30));
    JsonObject next = failAndWaitForIncident(monitor, "index locked again");
    assertFalse(next.getString("id").equals(id), "after a recovery, a new failure is a new incident");
  }

  @Test
  void aFlapWithinTheCoolDownReopensTheSameIncident() {
    JsonObject monitor = heartbeat("Webhook fan-out", new JsonObject().put("flap_cooldown", "15m"));
    String id = failAndWaitForIncident(monitor, "503 from partner").getString("id");
    ping(monitor, "", "");
    Eventually.until(WAIT, "recovered", () -> api.openIncident(monitor.getString("id")) == null);
    clock.advance(Duration.ofMinutes(5));

    JsonObject reopened = failAndWaitForIncident(monitor, "503 from partner");
    assertEquals(id, reopened.getString("id"), "the same incident");
    assertEquals(1, reopened.getInteger("reopened_count"));
    Eventually.until(WAIT, "announced as down again",
        () -> onCall.accepted(monitor.getString("id"), "incident.reopened").size() == 1);
    String text = onCall.accepted(monitor.getString("id"), "incident.reopened").get(0).body().getString("text");
    assertTrue(text.startsWith("DOWN AGAIN: Webhook fan-out. Failing again 5m after recovering (reopened once)."), text);
    assertEquals(List.of("incident.opened", "incident.resolved", "incident.reopened"), events(onCall, monitor));

    ping(monitor, "", "");
    Eventually.until(WAIT, "recovered again", () -> api.openIncident(monitor.getString("id")) == null);
    clock.advance(Duration.ofMinutes(16));
    JsonObject later = failAndWaitForIncident(monitor, "503 from partner");
    assertFalse(later.getString("id").equals(id), "after the cool-down, a new incident");
  }

  @Test
  void badActionsAreRefusedClearly() {
    JsonObject monitor = heartbeat("Thumbnailer", new JsonObject());
    String id = failAndWaitForIncident(monitor, "oom").getString("id");
    Api.Response noBy = act(id, "acknowledge", new JsonObject());
    assertEquals(400, noBy.status());
    assertEquals("by", noBy.json().getString("field"));
    Api.Response emptyNote = act(id, "notes", new JsonObject().put("by", "kim").put("text", " "));
    assertEquals(400, emptyNote.status());
    assertEquals("text", emptyNote.json().getString("field"));
    assertEquals(400, api.post("/api/v1/incidents/" + id + "/acknowledge", "not json").status());
    assertEquals(404, act("5d1f3c1e-0000-4000-8000-000000000000", "acknowledge", new JsonObject().put("by", "kim")).status());
    assertEquals(404, api.get("/api/v1/incidents/not-an-id").status());
    assertEquals("open", incident(id).getString("state"), "nothing changed by the refused requests");
  }

  @Test
  void aMonitorCannotRouteAlertsToAChannelThatDoesNotExist() {
    String unknown = "7a1c2e3f-0000-4000-8000-000000000000";
    Api.Response refused = api.post("/api/v1/monitors", new JsonObject().put("name", "Lost alerts").put("type", "heartbeat")
        .put("period", "1h").put("grace", "1h").put("channels", new JsonArray().add(unknown)).encode());
    assertEquals(400, refused.status(), refused.body());
    assertEquals("channels", refused.json().getString("field"));
    assertTrue(refused.json().getString("message").contains(unknown), refused.body());
    Api.Response escalation = api.post("/api/v1/monitors", new JsonObject().put("name", "Lost escalation")
        .put("type", "heartbeat").put("period", "1h").put("grace", "1h").put("escalation", new JsonObject()
            .put("after", "15m").put("channels", new JsonArray().add(unknown))).encode());
    assertEquals(400, escalation.status(), escalation.body());
    assertEquals("escalation.channels", escalation.json().getString("field"));
  }
}
