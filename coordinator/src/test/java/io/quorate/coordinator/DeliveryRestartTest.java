package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.RecordingWebhook;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A notification still pending when the only coordinator stops is sent, once, by the next one to start. */
class DeliveryRestartTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void aPendingDeliverySurvivesACoordinatorRestart() {
    TestDatabase db = TestDatabase.create();
    try (RecordingWebhook webhook = new RecordingWebhook()) {
      String id;
      try (TestCluster before = TestCluster.start(1, db, Duration.ofMillis(200))) {
        Api api = before.api(0);
        api.createWebhookChannel(webhook.url());
        JsonObject monitor = api.createMonitor(new JsonObject().put("name", "Ledger close").put("type", "heartbeat")
            .put("period", "1s").put("grace", "0s"));
        id = monitor.getString("id");
        webhook.failNext(id, 1_000, 503);
        assertEquals(200, new Api(before.node(0).httpPort(), null).post("/ping/" + monitor.getString("ping_id"), "").status());
        Eventually.until(WAIT, "a refused attempt is recorded", () -> db.count("SELECT count(*) FROM deliveries d"
            + " JOIN incidents i ON i.id = d.incident_id WHERE i.monitor_id = ?::uuid AND d.last_error IS NOT NULL", id) == 1);
      }
      assertEquals(0, webhook.accepted(id, "incident.opened").size());
      webhook.failNext(id, 0, 503);

      try (TestCluster after = TestCluster.start(1, db, Duration.ofMillis(200))) {
        Eventually.until(WAIT, "the restarted coordinator delivers it", () -> webhook.accepted(id, "incident.opened").size() == 1);
        Eventually.during(Duration.ofSeconds(1), "once", () -> webhook.accepted(id, "incident.opened").size() == 1);
        assertEquals("delivered", db.query("SELECT d.state FROM deliveries d JOIN incidents i ON i.id = d.incident_id"
            + " WHERE i.monitor_id = ?::uuid", id).get(0).get("state"));
      }
    }
  }
}
