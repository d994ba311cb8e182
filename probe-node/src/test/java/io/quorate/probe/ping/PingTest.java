package io.quorate.probe.ping;

import static io.quorate.probe.support.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.probe.ProbeNode;
import io.quorate.probe.support.Probes;
import io.quorate.probe.support.RecordingCoordinator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PingTest {
  private static final String PING_ID = "0b6f3f9e-5c1d-4e8b-a1f2-3c4d5e6f7a8b";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T14:02:11Z"), ZoneOffset.UTC);

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
  }

  @AfterEach
  void tearDown() {
    if (probe != null) {
      probe.close().await();
    }
    coordinator.close();
  }

  private void startProbe(int maxPingBodyBytes) {
    probe = Probes.start(vertx, Probes.config("eu-west", coordinator.address()).withMaxPingBodyBytes(maxPingBodyBytes),
        CLOCK, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    await(() -> probe.linkConnected(), () -> "probe connected");
  }

  private HttpResponse<Buffer> request(HttpMethod method, String path, String body) {
    var request = http.request(method, probe.httpPort(), "127.0.0.1", path).putHeader("User-Agent", "curl/8.5.0");
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  private List<HeartbeatPing> pings() {
    return coordinator.events().stream().filter(Event::hasPing).map(Event::getPing).toList();
  }

  @Test
  void aKnownPingIdAnswersOkAndBecomesAHeartbeatPingEvent() {
    startProbe(100 * 1024);
    HttpResponse<Buffer> response = request(HttpMethod.GET, "/ping/" + PING_ID, null);
    assertEquals(200, response.statusCode());
    assertEquals("OK", response.bodyAsString());
    await(() -> pings().size() == 1, () -> "one ping event");
    HeartbeatPing ping = pings().get(0);
    assertEquals(PING_ID, ping.getPingId());
    assertEquals("GET", ping.getMethod());
    assertEquals("curl/8.5.0", ping.getUserAgent());
    assertEquals("127.0.0.1", ping.getRemoteAddress());
    assertEquals(CLOCK.millis(), ping.getReceivedAtMs());
  }

  @Test
  void aPostBodyIsKeptUpToTheLimit() {
    startProbe(16);
    assertEquals(200, request(HttpMethod.POST, "/ping/" + PING_ID.toUpperCase(), "exported 1532 invoices in 42 s")
        .statusCode());
    assertEquals(200, request(HttpMethod.HEAD, "/ping/" + PING_ID, null).statusCode());
    await(() -> pings().size() == 2, () -> "two ping events");
    assertEquals("POST", pings().get(0).getMethod());
    assertEquals("exported 1532 in", pings().get(0).getBody());
    assertEquals("HEAD", pings().get(1).getMethod());
  }

  @Test
  void anUnknownPingIdAnswers404() {
    startProbe(100 * 1024);
    HttpResponse<Buffer> response = request(HttpMethod.GET, "/ping/11111111-2222-3333-4444-555555555555", null);
    assertEquals(404, response.statusCode());
    assertEquals("not found", response.bodyAsString());
    assertTrue(pings().isEmpty());
  }

  @Test
  void beforeAnyAssignmentsArrivePingsAnswer503SoWorkersRetry() {
    coordinator.close();
    probe = Probes.start(vertx, Probes.config("eu-west", coordinator.address()));
    HttpResponse<Buffer> response = request(HttpMethod.GET, "/ping/" + PING_ID, null);
    assertEquals(503, response.statusCode());
    assertTrue(response.bodyAsString().startsWith("not ready"), response.bodyAsString());
  }
}
