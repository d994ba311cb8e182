package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Maintenance windows and silences on two clustered coordinator nodes and real PostgreSQL, with time moved by
 * hand: incidents open and resolve as always while alerts are held, a held DOWN alert goes out once when the hold
 * ends (both nodes sweep for it), and a recovery nobody was paged for stays quiet. Heartbeat fail pings open the
 * incidents, so each test controls exactly when its monitor fails and recovers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Several sweeps of both nodes (every 200 ms): long enough for a wrong alert to show up. */
  private static final Duration QUIET = Duration.ofSeconds(1);
  private final TestClock clock = new TestClock(Instant.parse("2026-12-04T10:00:00Z"));
  private TestDatabase db;
  private TestCluster cluster;
  private Api api;
  private Pinger pinger;
  private RecordingWebhook onCall;
  private String onCallChannel;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(2, db, Duration.ofMillis(200), clock);
    api = cluster.api(0);
    pinger = new Pinger(cluster.node(1).httpPort());
    onCall = new RecordingWebhook();
    onCallChannel = api.createChannel(new JsonObject().put("type", "webhook").put("name", "on-call")
        .put("url", onCall.url())).getString("id");
  }

  @AfterAll
  void stop() {
    cluster.close();
    onCall.close();
  }

  private JsonObject heartbeat(String name, JsonObject alerting) {
    return api.createMonitor(alerting.copy().put("name", name).put("type", "heartbeat").put("period", "1d")
        .put("grace", "1d").put("channels", new JsonArray().add(onCallChannel)));
  }

  private void ping(JsonObject monitor, String suffix) {
    clock.advance(Duration.ofSeconds(1));
    assertEquals(200, pinger.post("/ping/" + monitor.getString("ping_id") + suffix, "").status());
  }

  private JsonObject failAndWaitForIncident(JsonObject monitor) {
    ping(monitor, "/fail");
    return Eventually.value(WAIT, "an incident opens", () -> api.openIncident(monitor.getString("id")));
  }

  private void recoverAndWait(JsonObject monitor) {
    ping(monitor, "");
    Eventually.until(WAIT, "the incident resolves", () -> api.openIncident(monitor.getString("id")) == null);
  }

  private JsonObject created(String path, JsonObject body) {
    Api.Response response = api.post(path, body.encode());
    assertEquals(201, response.status(), response.body());
    return response.json();
  }

  private JsonObject window(String name, JsonObject monitor, Instant startsAt, Instant endsAt) {
    return created("/api/v1/maintenance-windows", new JsonObject().put("name", name)
        .put("matchers", new JsonObject().put("monitor_ids", new JsonArray().add(monitor.getString("id"))))
        .put("starts_at", startsAt.toString()).put("ends_at", endsAt.toString()));
  }

  private JsonObject get(String path) {
    Api.Response response = api.get(path);
    assertEquals(200, response.status(), response.body());
    return response.json();
  }

  private List<String> events(JsonObject monitor) {
    return onCall.requestsFor(monitor.getString("id")).stream().map(RecordingWebhook.Request::event).toList();
  }

  private List<String> timeline(String incidentId, String kind) {
    return get("/api/v1/incidents/" + incidentId).getJsonArray("timeline").stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("kind").equals(kind)).map(e -> e.getString("text")).toList();
  }

  private static String utcTime(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalTime().toString();
  }

  @Test
  void aDownAlertHeldDuringAWindowIsSentOnceWhenTheWindowEndsIfStillDown() {
    JsonObject monitor = heartbeat("Nightly export", new JsonObject().put("remind_every", "10m"));
    Instant end = clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    window("DB upgrade", monitor, clock.instant().minus(Duration.ofMinutes(1)), end);
    JsonObject shown = get("/api/v1/monitors/" + monitor.getString("id"));
    assertTrue(shown.getBoolean("in_maintenance"), shown.encodePrettily());
    assertEquals("DB upgrade", shown.getJsonArray("held_by").getJsonObject(0).getString("name"));

    String id = failAndWaitForIncident(monitor).getString("id");
    Eventually.during(QUIET, "no page while the window is on", () -> events(monitor).isEmpty());
    JsonObject incident = get("/api/v1/incidents/" + id);
    assertEquals("held", incident.getString("down_alert"));
    assertTrue(incident.getBoolean("alerts_held"));
    assertEquals(List.of("alert held: maintenance 'DB upgrade' until " + utcTime(end) + " UTC"), timeline(id, "held"));

    clock.set(end.minusSeconds(1));
    Eventually.during(QUIET, "no reminder and no page while held, though reminders were due",
        () -> events(monitor).isEmpty());
    clock.set(end);
    Eventually.until(WAIT, "the held page goes out when the window ends", () -> !events(monitor).isEmpty());
    Eventually.during(QUIET, "exactly once, though both nodes sweep", () -> events(monitor).size() == 1);
    assertEquals(List.of("incident.opened"), events(monitor));
    assertTrue(onCall.requestsFor(monitor.getString("id")).get(0).body().getString("text").startsWith("DOWN: Nightly export"));
    assertEquals("sent", get("/api/v1/incidents/" + id).getString("down_alert"));
    assertEquals(1, timeline(id, "released").size());

    clock.advance(Duration.ofMinutes(9));
    Eventually.during(QUIET, "reminders count from the release, not the opening", () -> events(monitor).size() == 1);
    clock.advance(Duration.ofMinutes(1));
    Eventually.until(WAIT, "the first reminder ten minutes after the release",
        () -> events(monitor).equals(List.of("incident.opened", "incident.reminder")));
  }

  /** Both nodes find the same ten held alerts in the same sweep; the row lock lets one of them send each. */
  @Test
  void twoNodesReleaseEachHeldAlertExactlyOnce() {
    List<JsonObject> monitors = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      monitors.add(heartbeat("Shard " + i, new JsonObject().put("labels", new JsonObject().put("cluster", "shards"))));
    }
    JsonObject silence = created("/api/v1/silences", new JsonObject().put("created_by", "carol").put("duration", "1h")
        .put("matchers", new JsonObject().put("labels", new JsonObject().put("cluster", "shards"))));
    monitors.forEach(this::failAndWaitForIncident);
    Eventually.during(QUIET, "all held", () -> monitors.stream().allMatch(m -> events(m).isEmpty()));

    assertEquals(200, api.delete("/api/v1/silences/" + silence.getString("id") + "?by=carol").status());
    Eventually.until(WAIT, "every held page goes out", () -> monitors.stream().noneMatch(m -> events(m).isEmpty()));
    Eventually.during(QUIET, "each exactly once", () -> monitors.stream().allMatch(m -> events(m).size() == 1));
  }

  @Test
  void aSilenceByLabelHoldsAndExpiringItEarlyReleasesTheAlert() {
    JsonObject monitor = heartbeat("Payment webhooks", new JsonObject().put("labels", new JsonObject().put("team", "payments")));
    JsonObject other = heartbeat("Search indexer", new JsonObject().put("labels", new JsonObject().put("team", "search")));
    JsonObject silence = created("/api/v1/silences", new JsonObject().put("created_by", "alice").put("duration", "2h")
        .put("comment", "provider migration").put("matchers", new JsonObject().put("labels", new JsonArray().add("team=payments"))));
    assertEquals("active", silence.getString("state"));
    assertTrue(get("/api/v1/monitors/" + monitor.getString("id")).getBoolean("silenced"));
    assertFalse(get("/api/v1/monitors/" + other.getString("id")).getBoolean("silenced"), "another team's monitor");

    String id = failAndWaitForIncident(monitor).getString("id");
    failAndWaitForIncident(other);
    Eventually.until(WAIT, "the unsilenced monitor pages", () -> events(other).equals(List.of("incident.opened")));
    assertTrue(events(monitor).isEmpty(), "the silenced one does not");
    String held = timeline(id, "held").get(0);
    assertTrue(held.startsWith("alert held: silenced by alice until "), held);

    Api.Response expired = api.post("/api/v1/silences/" + silence.getString("id") + "/expire",
        new JsonObject().put("by", "bob").encode());
    assertEquals(200, expired.status(), expired.body());
    assertEquals("expired", expired.json().getString("state"));
    assertEquals("bob", expired.json().getString("expired_by"));
    Eventually.until(WAIT, "expiring the silence releases the page", () -> events(monitor).equals(List.of("incident.opened")));
    assertEquals(409, api.post("/api/v1/silences/" + silence.getString("id") + "/expire",
        new JsonObject().put("by", "bob").encode()).status(), "already expired");

    JsonObject listed = get("/api/v1/silences").getJsonArray("silences").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("id").equals(silence.getString("id"))).findFirst().orElseThrow();
    assertEquals("expired", listed.getString("state"), "kept for the record");
    assertEquals("alice", listed.getString("created_by"));
    assertEquals("provider migration", listed.getString("comment"));
  }

  @Test
  void aRecoveryDuringMaintenanceWhoseDownWasNeverSentSendsNothing() {
    JsonObject monitor = heartbeat("Thumbnailer", new JsonObject());
    Instant end = clock.instant().plus(Duration.ofMinutes(30));
    window("Storage move", monitor, clock.instant(), end);
    String id = failAndWaitForIncident(monitor).getString("id");
    recoverAndWait(monitor);
    JsonObject incident = get("/api/v1/incidents/" + id);
    assertEquals("never_sent", incident.getString("down_alert"));
    assertFalse(incident.getBoolean("alerts_held"), "nothing waits any more");
    assertTrue(timeline(id, "held").get(1).startsWith("recovery not sent: the DOWN alert was held"),
        timeline(id, "held").toString());

    clock.set(end.plusSeconds(1));
    Eventually.during(QUIET, "nothing after the window either", () -> events(monitor).isEmpty());
  }

  @Test
  void aRecoveryIsSentWhenTheDownWasSentBeforeTheWindowAndRemindersWaitMeanwhile() {
    JsonObject monitor = heartbeat("Invoice PDFs", new JsonObject().put("remind_every", "10m"));
    String id = failAndWaitForIncident(monitor).getString("id");
    Eventually.until(WAIT, "paged before the window", () -> events(monitor).equals(List.of("incident.opened")));
    window("Printer firmware", monitor, clock.instant(), clock.instant().plus(Duration.ofHours(1)));
    assertTrue(get("/api/v1/incidents/" + id).getBoolean("alerts_held"));

    clock.advance(Duration.ofMinutes(10));
    Eventually.until(WAIT, "the due reminder is held, and says so", () -> timeline(id, "held").size() == 1);
    assertTrue(timeline(id, "held").get(0).startsWith("reminder held: maintenance 'Printer firmware' until "));
    recoverAndWait(monitor);
    Eventually.until(WAIT, "people who were told it is down are told it is up",
        () -> events(monitor).equals(List.of("incident.opened", "incident.resolved")));
  }

  @Test
  void anIncidentAcknowledgedWhileHeldIsNotPagedWhenTheHoldEnds() {
    JsonObject monitor = heartbeat("Report builder", new JsonObject());
    Instant end = clock.instant().plus(Duration.ofMinutes(20));
    window("Warehouse reload", monitor, clock.instant(), end);
    String id = failAndWaitForIncident(monitor).getString("id");
    assertEquals(200, api.post("/api/v1/incidents/" + id + "/acknowledge",
        new JsonObject().put("by", "dana").encode()).status());
    clock.set(end);
    Eventually.until(WAIT, "the release is decided", () -> timeline(id, "released").size() == 1);
    assertEquals(List.of("held alert not sent: acknowledged by dana while it was held"), timeline(id, "released"));
    Eventually.during(QUIET, "someone is on it: no page, no acknowledgement notice", () -> events(monitor).isEmpty());
  }

  @Test
  void aRecurringWindowIsOnAtItsTimesInItsZone() {
    JsonObject monitor = heartbeat("Backups", new JsonObject().put("labels", new JsonObject().put("env", "backup")));
    int hour = clock.instant().atOffset(ZoneOffset.UTC).getHour();
    JsonObject window = created("/api/v1/maintenance-windows", new JsonObject().put("name", "Nightly backup")
        .put("matchers", new JsonObject().put("labels", new JsonObject().put("env", "backup")))
        .put("cron", "0 " + hour + " * * *").put("duration", "2h").put("time_zone", "UTC").put("comment", "vacuum"));
    assertTrue(window.getBoolean("active_now"), window.encodePrettily());
    assertEquals("recurring", window.getString("kind"));
    assertEquals(3, window.getJsonArray("next_occurrences").size());
    JsonObject first = window.getJsonArray("next_occurrences").getJsonObject(0);
    assertEquals(Duration.ofHours(2), Duration.between(Instant.parse(first.getString("starts_at")),
        Instant.parse(first.getString("ends_at"))));
    assertTrue(get("/api/v1/monitors/" + monitor.getString("id")).getBoolean("in_maintenance"));

    Api.Response replaced = api.put("/api/v1/maintenance-windows/" + window.getString("id"), window.copy()
        .put("cron", "0 2 * * 0").put("time_zone", "Europe/Berlin").encode());
    assertEquals(200, replaced.status(), "the answer, edited, is a valid replacement: " + replaced.body());
    assertEquals("0 2 * * 0", replaced.json().getString("cron"));
    assertEquals("Europe/Berlin", replaced.json().getString("time_zone"));
    assertEquals(204, api.delete("/api/v1/maintenance-windows/" + window.getString("id")).status());
    assertEquals(404, api.get("/api/v1/maintenance-windows/" + window.getString("id")).status());
  }

  @Test
  void badWindowsAndSilencesAreRefusedAndChangeNothing() {
    JsonObject monitor = heartbeat("Mailer", new JsonObject());
    int windowsBefore = get("/api/v1/maintenance-windows").getJsonArray("maintenance_windows").size();
    int silencesBefore = get("/api/v1/silences").getJsonArray("silences").size();
    JsonObject byId = new JsonObject().put("monitor_ids", new JsonArray().add(monitor.getString("id")));
    JsonObject unknownId = new JsonObject().put("monitor_ids", new JsonArray().add("7a1c2e3f-0000-4000-8000-000000000000"));
    String start = clock.instant().toString();
    List<Object[]> refusals = List.of(
        new Object[] {"/api/v1/maintenance-windows", new JsonObject().put("name", "x").put("matchers", byId)
            .put("cron", "0 2 * * 0").put("duration", "2h").put("time_zone", "Europe/Berlln"), "time_zone"},
        new Object[] {"/api/v1/maintenance-windows", new JsonObject().put("name", "x").put("matchers", byId)
            .put("cron", "0 2 * *").put("duration", "2h"), "cron"},
        new Object[] {"/api/v1/maintenance-windows", new JsonObject().put("name", "x").put("matchers", byId)
            .put("starts_at", start).put("ends_at", clock.instant().minusSeconds(60).toString()), "ends_at"},
        new Object[] {"/api/v1/maintenance-windows", new JsonObject().put("name", "x").put("matchers", new JsonObject())
            .put("starts_at", start).put("duration", "1h"), "matchers"},
        new Object[] {"/api/v1/maintenance-windows", new JsonObject().put("name", "x").put("matchers", unknownId)
            .put("starts_at", start).put("duration", "1h"), "matchers.monitor_ids"},
        new Object[] {"/api/v1/silences", new JsonObject().put("created_by", "alice").put("matchers", byId)
            .put("duration", "0m"), "duration"},
        new Object[] {"/api/v1/silences", new JsonObject().put("created_by", "alice").put("matchers", byId)
            .put("duration", "45d"), "duration"},
        new Object[] {"/api/v1/silences", new JsonObject().put("created_by", "alice").put("matchers", unknownId)
            .put("duration", "1h"), "matchers.monitor_ids"});
    for (Object[] refusal : refusals) {
      Api.Response answer = api.post((String) refusal[0], ((JsonObject) refusal[1]).encode());
      assertEquals(400, answer.status(), answer.body());
      assertEquals(refusal[2], answer.json().getString("field"), answer.body());
    }
    assertEquals(400, api.post("/api/v1/silences", "{not json").status());
    assertEquals(400, api.post("/api/v1/silences/" + "7a1c2e3f-0000-4000-8000-000000000000" + "/expire", "{}").status(),
        "expiring needs a name");
    assertEquals(404, api.post("/api/v1/silences/7a1c2e3f-0000-4000-8000-000000000000/expire",
        new JsonObject().put("by", "bob").encode()).status());
    assertEquals(windowsBefore, get("/api/v1/maintenance-windows").getJsonArray("maintenance_windows").size());
    assertEquals(silencesBefore, get("/api/v1/silences").getJsonArray("silences").size());
    assertNull(get("/api/v1/monitors/" + monitor.getString("id")).getJsonArray("held_by").stream().findAny().orElse(null),
        "nothing holds the monitor");
  }
}
