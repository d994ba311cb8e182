package io.quorate.probe.ping;

import static io.quorate.probe.support.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.Hello;
import io.quorate.probe.ProbeConfig;
import io.quorate.probe.ProbeNode;
import io.quorate.probe.support.MutableClock;
import io.quorate.probe.support.Probes;
import io.quorate.probe.support.RecordingCoordinator;
import io.quorate.probe.support.RecordingCoordinator.ReceivedWatermark;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the spool promises a worker: a 200 is never lost (not by a restart, not by a coordinator that stored
 * nothing), a full spool says 503 instead of lying, and watermarks never run ahead of a ping.
 */
@ExtendWith(VertxExtension.class)
class DurabilityTest {
  private static final String PING_ID = "0b6f3f9e-5c1d-4e8b-a1f2-3c4d5e6f7a8b";

  @TempDir
  Path spoolDir;
  private Vertx vertx;
  private RecordingCoordinator coordinator;
  private ProbeNode probe;
  private WebClient http;
  private final MutableClock clock = new MutableClock(1_700_000_000_000L);

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    http = WebClient.create(vertx);
    coordinator = RecordingCoordinator.start(vertx, "coordinator-a");
    coordinator.snapshot(Probes.heartbeats("nightly-export", PING_ID));
  }

  @AfterEach
  void tearDown() {
    if (probe != null) {
      probe.close().await();
    }
    coordinator.close();
  }

  private ProbeConfig config() {
    return Probes.config("eu-west", coordinator.address()).withNodeId("eu-west-node-1")
        .withSpool(spoolDir, 1024 * 1024).withPingRatePerSecond(10_000).withMaxPingBodyBytes(200 * 1024);
  }

  private void startProbe(ProbeConfig config) {
    probe = Probes.start(vertx, config, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    await(() -> probe.linkConnected(), () -> "probe connected");
  }

  private HttpResponse<Buffer> ping(String body) {
    return http.post(probe.httpPort(), "127.0.0.1", "/ping/" + PING_ID).sendBuffer(Buffer.buffer(body)).await();
  }

  private List<Event> pingEvents() {
    return coordinator.events().stream().filter(Event::hasPing).toList();
  }

  @Test
  void pingsTheCoordinatorDidNotAcknowledgeAreSentAgainAfterARestartUnchanged() {
    coordinator.autoAck(false);
    startProbe(config());
    for (int i = 0; i < 30; i++) {
      clock.set(clock.millis() + 1000);
      assertEquals(200, ping("run " + i).statusCode());
    }
    await(() -> pingEvents().size() == 30, () -> "thirty pings sent once");
    Map<String, Event> first = pingEvents().stream().collect(Collectors.toMap(Event::getEventId, Function.identity()));
    probe.close().await();

    startProbe(config());
    await(() -> pingEvents().size() == 60, () -> "the thirty unacknowledged pings sent again, got "
        + pingEvents().size());
    List<Event> replayed = pingEvents().subList(30, 60);
    for (Event event : replayed) {
      assertEquals(first.get(event.getEventId()), event, "same seq, event id, receive time and body");
    }
    assertEquals(30, new HashSet<>(replayed.stream().map(Event::getEventId).toList()).size());
    List<Hello> hellos = coordinator.hellos();
    assertEquals(hellos.get(0).getNodeId(), hellos.get(hellos.size() - 1).getNodeId());
  }

  @Test
  void aProbeRestartedWhileNoCoordinatorIsReachableStillTakesPingsForTheHeartbeatsItKnew() {
    startProbe(config());
    await(() -> ping("targets known").statusCode() == 200, () -> "the heartbeat assignment arrived");
    probe.close().await(); // at once: closing writes the targets even before the periodic save ran
    probe = Probes.start(vertx, config().withCoordinators(List.of("127.0.0.1:1")), clock,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    assertEquals(200, ping("while nobody listens").statusCode());
    assertEquals(404, http.get(probe.httpPort(), "127.0.0.1", "/ping/11111111-2222-3333-4444-555555555555").send()
        .await().statusCode());
  }

  @Test
  void acknowledgedPingsAreNotKeptForever() {
    startProbe(config());
    String body = "x".repeat(100 * 1024);
    for (int i = 0; i < 40; i++) {
      assertEquals(200, ping(body).statusCode(), "ping " + i + ": acknowledged pings make room in a 1 MiB spool");
    }
    await(() -> pingEvents().size() == 40, () -> "all forty pings at the coordinator");
  }

  @Test
  void aFullSpoolAnswers503AndEveryPingItAcceptedReachesTheCoordinator() {
    coordinator.autoAck(false);
    startProbe(config());
    String body = "x".repeat(100 * 1024);
    int accepted = 0;
    HttpResponse<Buffer> last = null;
    for (int i = 0; i < 15; i++) {
      last = ping(body);
      if (last.statusCode() == 200) {
        accepted++;
      }
    }
    assertEquals(503, last.statusCode());
    assertEquals("spool full, retry later", last.bodyAsString());
    assertTrue(accepted >= 8, "about 1 MiB accepted first, got " + accepted);
    int expected = accepted;
    await(() -> pingEvents().size() == expected, () -> "each accepted ping at the coordinator");
  }

  @Test
  void aWatermarkFollowsTheEventsItCoversAndNeverPassesAPingStillArriving() {
    coordinator.acceptsWatermarks(true);
    coordinator.acceptsBatches(true);
    startProbe(config());
    assertEquals(200, ping("first").statusCode());
    long pingAt = clock.millis();
    clock.set(pingAt + 5_000);
    await(() -> latestWatermark() != null && latestWatermark().watermark().getReceivedBeforeMs() == pingAt + 5_000,
        () -> "a watermark at the new time, got " + latestWatermark());
    ReceivedWatermark covering = latestWatermark();
    assertTrue(covering.eventsBefore() >= 1, "sent after the ping it covers");
    assertTrue(covering.watermark().getSeq() >= pingEvents().get(0).getSeq());

    HttpClient client = vertx.createHttpClient();
    HttpClientRequest slow = client.request(HttpMethod.POST, probe.httpPort(), "127.0.0.1", "/ping/" + PING_ID).await();
    slow.setChunked(true);
    long slowAt = clock.millis();
    slow.write("part of a long log").await();
    await(() -> probeSaw(slowAt), () -> "the slow ping's headers arrived");
    clock.set(slowAt + 60_000);
    sleepPastOneWatermark();
    assertEquals(slowAt, latestWatermark().watermark().getReceivedBeforeMs(),
        "while a ping received at " + slowAt + " is still arriving, no watermark may pass it");
    slow.end(" and its end").await();
    await(() -> latestWatermark().watermark().getReceivedBeforeMs() == slowAt + 60_000,
        () -> "the watermark moves on once the ping is stored, got " + latestWatermark());
    assertEquals(2, pingEvents().size());
    assertTrue(latestWatermark().eventsBefore() >= 2);
  }

  private boolean probeSaw(long at) {
    sleepPastOneWatermark();
    return latestWatermark().watermark().getReceivedBeforeMs() == at;
  }

  private ReceivedWatermark latestWatermark() {
    List<ReceivedWatermark> all = coordinator.watermarks();
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  private static void sleepPastOneWatermark() {
    try {
      Thread.sleep(1_200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unused")
  private static Set<String> ids(List<Event> events) {
    return events.stream().map(Event::getEventId).collect(Collectors.toSet());
  }
}
