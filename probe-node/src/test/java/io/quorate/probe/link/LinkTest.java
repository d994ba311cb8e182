package io.quorate.probe.link;

import static io.quorate.probe.support.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.Event;
import io.quorate.link.v1.Hello;
import io.quorate.probe.ProbeConfig;
import io.quorate.probe.ProbeNode;
import io.quorate.probe.support.LogCapture;
import io.quorate.probe.support.Probes;
import io.quorate.probe.support.RecordingCoordinator;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LinkTest {
  private static final String PING_ID = "5b0e2c1a-6d2f-4c47-9a43-9f1c0e7d2b11";

  private Vertx vertx;
  private RecordingCoordinator coordinator;
  private ProbeNode probe;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    coordinator = RecordingCoordinator.start(vertx, "coordinator-a");
  }

  @AfterEach
  void tearDown() {
    if (probe != null) {
      probe.close().await();
    }
    coordinator.close();
  }

  @Test
  void sendsHelloWithRegionNodeVersionAndTheBearerToken() {
    probe = Probes.start(vertx, Probes.config("eu-west", coordinator.address()).withNodeId("eu-west-1").withVersion("1.2.3"));
    await(() -> probe.linkConnected(), () -> "probe connected, streams: " + coordinator.streams().size());
    Hello hello = coordinator.hellos().get(0);
    assertEquals("eu-west", hello.getRegion());
    assertEquals("eu-west-1", hello.getNodeId());
    assertEquals("1.2.3", hello.getVersion());
    assertEquals(1, hello.getLinkVersion());
    assertEquals("Bearer " + Probes.TOKEN, coordinator.streams().get(0).authorization);
  }

  @Test
  void resendsUnackedEventsAfterTheStreamDropsButNotAckedOnes() {
    coordinator.autoAck(false);
    coordinator.snapshot(Probes.heartbeats("hb-1", PING_ID));
    probe = Probes.start(vertx, Probes.config("eu-west", coordinator.address()));
    await(() -> probe.linkConnected(), () -> "probe connected");
    WebClient http = WebClient.create(vertx);
    for (int i = 0; i < 3; i++) {
      assertEquals(200, http.get(probe.httpPort(), "127.0.0.1", "/ping/" + PING_ID).send().await().statusCode());
    }
    await(() -> coordinator.events().size() == 3, () -> "3 events, got " + coordinator.events());
    List<Event> first = coordinator.acceptedStreams().get(0).events;
    assertEquals(List.of(1L, 2L, 3L), first.stream().map(Event::getSeq).toList());

    coordinator.ack(2);
    await(() -> outboxEvents(http) == 1, () -> "outbox down to the unacked event");
    coordinator.dropStreams();
    await(() -> coordinator.acceptedStreams().size() == 2 && probe.linkConnected(), () -> "probe reconnected");
    assertEquals(200, http.get(probe.httpPort(), "127.0.0.1", "/ping/" + PING_ID).send().await().statusCode());

    await(() -> coordinator.acceptedStreams().get(1).events.size() == 2, () -> "resend and the new event");
    List<Event> second = coordinator.acceptedStreams().get(1).events;
    assertEquals(List.of(3L, 4L), second.stream().map(Event::getSeq).toList(), "acked 1 and 2 are not resent");
    assertEquals(first.get(2).getEventId(), second.get(0).getEventId(), "a resend keeps its event id");
    Set<String> distinct = coordinator.events().stream().map(Event::getEventId).collect(Collectors.toSet());
    assertEquals(4, distinct.size(), "deduplicated by event id, the coordinator saw 4 events");
  }

  @Test
  void sendsEventsInBatchesInOrderToACoordinatorThatAcceptsThem() {
    coordinator.acceptsBatches(true);
    coordinator.snapshot(Probes.heartbeats("hb-1", PING_ID));
    probe = Probes.start(vertx, Probes.config("eu-west", coordinator.address()));
    await(() -> probe.linkConnected(), () -> "probe connected");
    WebClient http = WebClient.create(vertx);
    List<io.vertx.core.Future<?>> pings = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      pings.add(http.get(probe.httpPort(), "127.0.0.1", "/ping/" + PING_ID).send());
    }
    io.vertx.core.Future.all(pings).await();
    await(() -> coordinator.events().size() == 50, () -> "50 events, got " + coordinator.events().size());
    RecordingCoordinator.Stream stream = coordinator.acceptedStreams().get(0);
    assertEquals(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList(),
        stream.events.stream().map(Event::getSeq).toList(), "every event once, in order");
    assertTrue(stream.batchSizes.size() < 50, "pings arriving together share messages: " + stream.batchSizes);
    await(() -> outboxEvents(http) == 0, () -> "all acknowledged");
  }

  @Test
  void reconnectsToTheSecondCoordinatorWhenTheFirstGoesDown() {
    try (RecordingCoordinator second = RecordingCoordinator.start(vertx, "coordinator-b")) {
      probe = Probes.start(vertx, Probes.config("us-east", coordinator.address(), second.address()));
      await(() -> probe.linkConnected() && coordinator.hellos().size() == 1, () -> "connected to the first");
      assertEquals(0, second.hellos().size());
      coordinator.close();
      await(() -> second.hellos().size() == 1 && probe.linkConnected(), () -> "connected to the second");
      assertEquals("us-east", second.hellos().get(0).getRegion());
    }
  }

  @Test
  void startsWithTheSecondCoordinatorWhenTheFirstRefusesConnections() {
    RecordingCoordinator down = RecordingCoordinator.start(vertx, "gone");
    String downAddress = down.address();
    down.close();
    probe = Probes.start(vertx, Probes.config("us-east", downAddress, coordinator.address()));
    await(() -> probe.linkConnected() && coordinator.hellos().size() == 1, () -> "connected to the second");
  }

  @Test
  void retriesWithBackoffAndWarnsWithoutTheTokenWhenTheCoordinatorRefusesIt() {
    coordinator.refuseNext(3, GrpcStatus.UNAUTHENTICATED);
    try (LogCapture logs = LogCapture.of(LinkClient.class)) {
      ProbeConfig config = Probes.config("eu-west", coordinator.address())
          .withReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
      probe = Probes.start(vertx, config);
      await(() -> probe.linkConnected(), () -> "connected after refusals, streams " + coordinator.streams().size());
      List<RecordingCoordinator.Stream> streams = coordinator.streams();
      assertEquals(4, streams.size());
      for (int i = 1; i < streams.size(); i++) {
        long gapMs = (streams.get(i).openedAtNanos - streams.get(i - 1).openedAtNanos) / 1_000_000;
        assertTrue(gapMs >= 50, "attempt " + i + " came " + gapMs + " ms after the previous one");
      }
      List<String> warnings = logs.lines().stream().filter(l -> l.startsWith("WARN")).toList();
      assertEquals(3, warnings.size(), logs.lines().toString());
      assertTrue(warnings.get(0).startsWith("WARN probe link refused: status=UNAUTHENTICATED message="), warnings.get(0));
      assertFalse(logs.lines().stream().anyMatch(l -> l.contains(Probes.TOKEN)), "the token never reaches a log");
    }
  }

  @Test
  void reconnectsWhenNothingArrivesWithinTheIdleTimeout() {
    probe = Probes.start(vertx, Probes.config("eu-west", coordinator.address())
        .withLinkTimeouts(Duration.ofMillis(400), Duration.ofSeconds(2)));
    await(Duration.ofSeconds(5), () -> coordinator.hellos().size() >= 3,
        () -> "a silent coordinator makes the probe reconnect, hellos: " + coordinator.hellos().size());
  }

  private int outboxEvents(WebClient http) {
    return http.get(probe.httpPort(), "127.0.0.1", "/health").send().await().bodyAsJsonObject().getInteger("outbox_events");
  }
}
