package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.RecordingWebhook;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Heartbeat incidents and their webhook deliveries on a two-node cluster: both nodes sweep deadlines and
 * dispatch deliveries, and still every incident opens once and every notification arrives once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private TestDatabase db;
  private TestCluster cluster;
  private RecordingWebhook webhook;
  private Api api;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(2, db, Duration.ofMillis(200));
    webhook = new RecordingWebhook();
    api = cluster.api(1);
    api.createWebhookChannel(webhook.url());
  }

  @AfterAll
  void stop() {
    cluster.close();
    webhook.close();
  }

  @Test
  void heartbeatWithoutPingPastPeriodPlusGraceOpensOneIncidentAndAPingResolvesIt() {
    JsonObject monitor = heartbeat("Nightly export", "2s", "2s");
    String id = monitor.getString("id");
    ping(0, monitor);
    JsonObject incident = Eventually.value(WAIT, "heartbeat incident opens", () -> api.openIncident(id));
    assertTrue(incident.getString("reason").startsWith("no ping since "), incident.getString("reason"));
    assertTrue(incident.getString("reason").contains("+ grace 2s"), incident.getString("reason"));
    assertEquals("down", api.get("/api/v1/monitors/" + id).json().getString("state"));

    ping(1, monitor);
    Eventually.until(WAIT, "the ping resolves the incident", () -> api.openIncident(id) == null);
    Eventually.until(WAIT, "both notifications arrive", () -> webhook.accepted(id, "incident.resolved").size() == 1);
    Eventually.during(Duration.ofSeconds(1), "no repeats", () -> webhook.requestsFor(id).size() == 2);
    RecordingWebhook.Request opened = webhook.accepted(id, "incident.opened").get(0);
    assertTrue(opened.body().getString("text").startsWith("DOWN: Nightly export."), opened.body().getString("text"));
    RecordingWebhook.Request resolved = webhook.accepted(id, "incident.resolved").get(0);
    assertTrue(resolved.body().getString("text").startsWith("RESOLVED: Nightly export. Down for "), resolved.body().getString("text"));
    assertEquals(1, db.count("SELECT count(*) FROM incidents WHERE monitor_id = ?::uuid", id));
  }

  @Test
  void webhookFailingTwiceThenAcceptingIsDeliveredOnceAfterRetries() {
    JsonObject monitor = heartbeat("Payroll sync", "1s", "0s");
    String id = monitor.getString("id");
    webhook.failNext(id, 2, 503);
    ping(0, monitor);

    Eventually.until(WAIT, "the third attempt is accepted", () -> webhook.accepted(id, "incident.opened").size() == 1);
    List<RecordingWebhook.Request> attempts = webhook.requestsFor(id);
    assertEquals(List.of(503, 503, 200), attempts.stream().map(RecordingWebhook.Request::answeredStatus).toList());
    Set<String> deliveryIds = attempts.stream().map(RecordingWebhook.Request::deliveryHeader).collect(Collectors.toSet());
    assertEquals(1, deliveryIds.size(), "every retry carries the same delivery id");
    assertEquals(deliveryIds.iterator().next(), attempts.get(2).body().getString("delivery_id"));

    Map<String, Object> row = db.query("SELECT d.state, d.attempts FROM deliveries d JOIN incidents i ON i.id = d.incident_id"
        + " WHERE i.monitor_id = ?::uuid", id).get(0);
    assertEquals("delivered", row.get("state"));
    assertEquals(3, row.get("attempts"));
    Eventually.during(Duration.ofSeconds(1), "no further attempts", () -> webhook.requestsFor(id).size() == 3);
  }

  @Test
  void aReceiverRejectingTheRequestIsNotRetried() {
    JsonObject monitor = heartbeat("Report mailer", "1s", "0s");
    String id = monitor.getString("id");
    webhook.failNext(id, 5, 404);
    ping(1, monitor);

    Eventually.until(WAIT, "the delivery is marked failed", () -> db.count("SELECT count(*) FROM deliveries d JOIN incidents i"
        + " ON i.id = d.incident_id WHERE i.monitor_id = ?::uuid AND d.state = 'failed'", id) == 1);
    assertEquals(1, webhook.requestsFor(id).size());
    assertEquals("receiver answered HTTP 404", db.query("SELECT d.last_error FROM deliveries d JOIN incidents i"
        + " ON i.id = d.incident_id WHERE i.monitor_id = ?::uuid", id).get(0).get("last_error"));
  }

  private JsonObject heartbeat(String name, String period, String grace) {
    return api.createMonitor(new JsonObject().put("name", name).put("type", "heartbeat").put("period", period).put("grace", grace));
  }

  /** Pings the monitor through one node's own /ping endpoint. */
  private void ping(int node, JsonObject monitor) {
    Api.Response response = new Api(cluster.node(node).httpPort(), null).post("/ping/" + monitor.getString("ping_id"), "");
    assertEquals(200, response.status(), response.body());
  }

}
