package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quorate.coordinator.config.CoordinatorConfig;
import io.quorate.coordinator.notify.Routing;
import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.Outbox;
import io.quorate.coordinator.support.RecordingHttpServer;
import io.quorate.coordinator.support.TestClock;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A node whose send outlives its claim (a long pause, a stalled database) loses the delivery to another node;
 * when its own attempt then fails, that failure must not undo what the other node did.
 */
class DeliveryTakeoverTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aFailureRecordedAfterATakeoverDoesNotMarkADeliveredNotificationFailed() {
    TestClock clock = new TestClock(Instant.now());
    TestDatabase db = TestDatabase.create();
    try (RecordingHttpServer receiver = new RecordingHttpServer(200, "ok");
        TestCluster cluster = TestCluster.start(2, db, Duration.ofMillis(200), 1, clock);
        Outbox outbox = new Outbox(db)) {
      receiver.answerNext("/hook", 1, 0, ""); // the first attempt hangs until its sender gives up (10 s)
      Api api = cluster.api(0);
      String channel = api.createChannel(new JsonObject().put("type", "webhook").put("url", receiver.url("/hook")))
          .getString("id");
      String monitor = api.createMonitor(new JsonObject().put("name", "Ledger close").put("type", "heartbeat")
          .put("period", "1h").put("grace", "1h")).getString("id");
      UUID incident = outbox.openIncident(monitor, "Ledger close", clock.instant());
      outbox.enqueue(incident, "incident.opened", new JsonObject().put("event", "incident.opened")
          .put("text", "Ledger close is down"), new Routing(List.of(UUID.fromString(channel)), Routing.PAGE), clock.instant());
      Eventually.until(WAIT, "the first attempt is on the wire", () -> receiver.requests("/hook").size() == 1);

      clock.advance(CoordinatorConfig.DEFAULT_DELIVERY_CLAIM.plusSeconds(1)); // its sender is as good as stalled
      Eventually.until(WAIT, "the other node takes the delivery over and delivers it",
          () -> "delivered".equals(delivery(db, incident).get("state")));
      Eventually.until(WAIT, "the first attempt times out and its sender records the failure",
          () -> aNodeCountedAFailure(cluster));

      Map<String, Object> delivery = delivery(db, incident);
      assertEquals("delivered", delivery.get("state"), "the receiver has it: " + delivery);
      assertNull(delivery.get("last_error"));
      assertEquals(2, delivery.get("attempts"));
      List<RecordingHttpServer.Request> requests = receiver.requests("/hook");
      assertEquals(requests.get(0).header("Idempotency-Key"), requests.get(1).header("Idempotency-Key"),
          "the takeover sent it under the same key");
    }
  }

  private static Map<String, Object> delivery(TestDatabase db, UUID incident) {
    return db.query("SELECT state, attempts, last_error FROM deliveries WHERE incident_id = ?", incident).get(0);
  }

  /** Whether a node counted an attempt as failed for good ({@code quorate_deliveries_total{outcome="failed"}}). */
  private static boolean aNodeCountedAFailure(TestCluster cluster) {
    for (int node = 0; node < 2; node++) {
      String metrics = new Api(cluster.node(node).httpPort(), null).get("/metrics").body();
      if (metrics.contains("quorate_deliveries_total{outcome=\"failed\"")) {
        return true;
      }
    }
    return false;
  }
}
