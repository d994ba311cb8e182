package io.quorate.probe.link;

import static io.quorate.probe.support.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.Goaway;
import io.quorate.probe.ProbeConfig;
import io.quorate.probe.ProbeNode;
import io.quorate.probe.support.LogCapture;
import io.quorate.probe.support.Probes;
import io.quorate.probe.support.RecordingCoordinator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe node stopping gracefully: it refuses new pings, waits for the coordinator to acknowledge what it
 * spooled, and says in its log what it drained and what it leaves for its next start. A coordinator that
 * says Goaway gets the probe on the next coordinator at once, not after a backoff.
 */
@ExtendWith(VertxExtension.class)
class DrainTest {
  private static final String PING_ID = "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

  @TempDir
  Path spoolDir;
  private Vertx vertx;
  private RecordingCoordinator coordinator;
  private ProbeNode probe;
  private WebClient http;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    http = WebClient.create(vertx);
    coordinator = RecordingCoordinator.start(vertx, "coordinator-a");
    coordinator.snapshot(Probes.heartbeats("nightly-export", PING_ID));
    coordinator.acceptsBatches(true);
    coordinator.autoAck(false);
  }

  @AfterEach
  void tearDown() {
    if (probe != null) {
      probe.close().await();
    }
    coordinator.close();
  }

  private ProbeConfig config(String... coordinators) {
    return Probes.config("eu-west", coordinators).withNodeId("eu-west-node-1").withSpool(spoolDir, 1024 * 1024)
        .withPingRatePerSecond(10_000);
  }

  private int ping(String body) {
    return http.post(probe.httpPort(), "127.0.0.1", "/ping/" + PING_ID).sendBuffer(io.vertx.core.buffer.Buffer.buffer(body))
        .await().statusCode();
  }

  @Test
  void everyEventSpooledWhileConnectedIsAcknowledgedBeforeTheNodeStops() {
    probe = Probes.start(vertx, config(coordinator.address()));
    await(() -> probe.linkConnected(), () -> "probe connected");
    for (int i = 0; i < 5; i++) {
      assertEquals(200, ping("run " + i));
    }
    await(() -> coordinator.events().size() == 5, () -> "5 events sent, got " + coordinator.events().size());

    try (LogCapture log = LogCapture.of(OutboxDrain.class)) {
      Future<OutboxDrain.Result> stopped = probe.drainAndClose(Duration.ofSeconds(10));
      await(() -> pingStatus() == 503, () -> "pings refused while draining");
      var health = http.get(probe.httpPort(), "127.0.0.1", "/health").send().await();
      assertEquals(503, health.statusCode(), "a load balancer stops sending pings");
      assertEquals("draining", health.bodyAsJsonObject().getString("status"));
      assertTrue(!stopped.isComplete(), "the node waits for the acknowledgement");
      coordinator.ack(5);

      OutboxDrain.Result result = stopped.await();
      assertEquals(new OutboxDrain.Result(5, 0), result);
      assertTrue(log.lines().contains("INFO drained 5 events in " + tookMs(log) + " ms"), log.lines().toString());
    }
    probe = null;
  }

  @Test
  void whatCannotBeDrainedStaysInTheSpoolAndIsSentAtTheNextStart() {
    probe = Probes.start(vertx, config(coordinator.address()));
    await(() -> probe.linkConnected(), () -> "probe connected");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, ping("run " + i));
    }
    await(() -> coordinator.events().size() == 3, () -> "3 events sent");
    List<String> sentIds = coordinator.events().stream().map(Event::getEventId).toList();

    try (LogCapture log = LogCapture.of(OutboxDrain.class)) {
      OutboxDrain.Result result = probe.drainAndClose(Duration.ofMillis(300)).await();
      assertEquals(new OutboxDrain.Result(0, 3), result);
      assertTrue(log.lines().stream().anyMatch(line ->
          line.startsWith("WARN 3 events left in the spool, they will be sent at next start")), log.lines().toString());
    }

    coordinator.autoAck(true);
    probe = Probes.start(vertx, config(coordinator.address()));
    await(() -> coordinator.acceptedStreams().size() == 2 && coordinator.acceptedStreams().get(1).events.size() == 3,
        () -> "the spooled events sent again after the restart");
    assertEquals(sentIds, coordinator.acceptedStreams().get(1).events.stream().map(Event::getEventId).toList(),
        "the same events, under their ids");
  }

  @Test
  void aGoawayMovesTheProbeToTheNextCoordinatorAtOnceInsteadOfAfterTheBackoff() {
    try (RecordingCoordinator second = RecordingCoordinator.start(vertx, "coordinator-b")) {
      // A backoff this long would make the move take at least 5 s.
      probe = Probes.start(vertx, config(coordinator.address(), second.address())
          .withReconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(20)));
      await(() -> probe.linkConnected() && coordinator.hellos().size() == 1, () -> "connected to the first");
      assertEquals(200, ping("before the move"));
      await(() -> coordinator.events().size() == 1, () -> "the ping sent to the first");

      long asked = System.nanoTime();
      coordinator.send(CoordinatorMessage.newBuilder()
          .setGoaway(Goaway.newBuilder().setReason("coordinator node shutting down")).build());
      await(Duration.ofSeconds(3), () -> second.hellos().size() == 1 && second.events().size() == 1,
          () -> "on the second coordinator with the unacknowledged ping");
      long movedMs = (System.nanoTime() - asked) / 1_000_000;
      assertTrue(movedMs < 2_000, "moved in " + movedMs + " ms");
      assertEquals(coordinator.events().get(0).getEventId(), second.events().get(0).getEventId());
    }
  }

  /** A ping for a monitor this probe does not know: 404 while it runs, 503 once it drains, never an event. */
  private int pingStatus() {
    return http.post(probe.httpPort(), "127.0.0.1", "/ping/00000000-0000-4000-8000-000000000000").send().await()
        .statusCode();
  }

  /** The duration the drain logged, so the line can be compared whole. */
  private static String tookMs(LogCapture log) {
    return log.lines().stream().filter(line -> line.startsWith("INFO drained ")).findFirst()
        .map(line -> line.replaceAll(".* in (\\d+) ms", "$1")).orElse("?");
  }
}
