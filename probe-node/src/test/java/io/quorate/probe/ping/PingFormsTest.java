package io.quorate.probe.ping;

import static io.quorate.probe.support.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.link.v1.HeartbeatTarget;
import io.quorate.link.v1.PingKind;
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

/** Every Healthchecks-compatible ping form on a probe node, as a worker's HTTP client sees it. */
@ExtendWith(VertxExtension.class)
class PingFormsTest {
  private static final String MONITOR = "receipt-emails";
  private static final String UUID = "0b6f3f9e-5c1d-4e8b-a1f2-3c4d5e6f7a8b";
  private static final String KEY = "k3y-0f-pr0ject";
  private static final String SLUG = "receipt-emails";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T14:02:11Z"), ZoneOffset.UTC);

  private RecordingCoordinator coordinator;
  private ProbeNode probe;
  private WebClient http;

  @BeforeEach
  void setUp(Vertx vertx) {
    http = WebClient.create(vertx);
    coordinator = RecordingCoordinator.start(vertx, "coordinator-a");
    coordinator.snapshot(AssignmentSnapshot.newBuilder().addHeartbeats(HeartbeatTarget.newBuilder()
        .setMonitorId(MONITOR).setPingId(UUID).setPingKey(KEY).setSlug(SLUG)).build());
    probe = Probes.start(vertx, Probes.config("eu-west", coordinator.address()).withMaxPingBodyBytes(1024)
        .withPingRatePerSecond(5), CLOCK, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    await(() -> probe.linkConnected(), () -> "probe connected");
  }

  @AfterEach
  void tearDown() {
    probe.close().await();
    coordinator.close();
  }

  private HttpResponse<Buffer> get(String path) {
    return http.get(probe.httpPort(), "127.0.0.1", path).send().await();
  }

  private HttpResponse<Buffer> post(String path, String body) {
    return http.post(probe.httpPort(), "127.0.0.1", path).sendBuffer(Buffer.buffer(body)).await();
  }

  private List<HeartbeatPing> pings() {
    return coordinator.events().stream().filter(Event::hasPing).map(Event::getPing).toList();
  }

  private HeartbeatPing onlyPing() {
    await(() -> pings().size() == 1, () -> "one ping at the coordinator, got " + pings());
    return pings().get(0);
  }

  @Test
  void aPlainPingIsASuccessForTheMonitorItNames() {
    assertEquals(200, get("/ping/" + UUID).statusCode());
    HeartbeatPing ping = onlyPing();
    assertEquals(PingKind.PING_KIND_SUCCESS, ping.getKind());
    assertEquals(MONITOR, ping.getMonitorId());
    assertEquals(UUID, ping.getPingId());
    assertFalse(ping.hasExitStatus());
  }

  @Test
  void startCarriesItsRunIdSoTheCompletionCanBePaired() {
    assertEquals(200, get("/ping/" + UUID + "/start?rid=celery-7f3a").statusCode());
    HeartbeatPing ping = onlyPing();
    assertEquals(PingKind.PING_KIND_START, ping.getKind());
    assertEquals("celery-7f3a", ping.getRunId());
  }

  @Test
  void aFailPingKeepsItsBodyAsTheReason() {
    assertEquals(200, post("/ping/" + UUID + "/fail", "SMTP 550: template field missing").statusCode());
    HeartbeatPing ping = onlyPing();
    assertEquals(PingKind.PING_KIND_FAIL, ping.getKind());
    assertEquals("SMTP 550: template field missing", ping.getBody());
  }

  @Test
  void aLogPingIsRecordedAsALog() {
    assertEquals(200, post("/ping/" + UUID + "/log", "processed 120").statusCode());
    assertEquals(PingKind.PING_KIND_LOG, onlyPing().getKind());
  }

  @Test
  void exitStatusZeroIsASuccessAndAnyOtherAFailureWithTheStatusKept() {
    assertEquals(200, get("/ping/" + UUID + "/0").statusCode());
    assertEquals(200, get("/ping/" + UUID + "/137").statusCode());
    await(() -> pings().size() == 2, () -> "two pings");
    assertEquals(PingKind.PING_KIND_SUCCESS, pings().get(0).getKind());
    assertEquals(0, pings().get(0).getExitStatus());
    assertEquals(PingKind.PING_KIND_FAIL, pings().get(1).getKind());
    assertEquals(137, pings().get(1).getExitStatus());
  }

  @Test
  void aSlugUrlNamesTheMonitorByItsProjectsPingKey() {
    assertEquals(200, get("/ping/" + KEY + "/" + SLUG + "/fail").statusCode());
    HeartbeatPing ping = onlyPing();
    assertEquals(MONITOR, ping.getMonitorId());
    assertEquals(KEY + "/" + SLUG, ping.getPingId());
    assertEquals(PingKind.PING_KIND_FAIL, ping.getKind());
  }

  @Test
  void badInputIsRefusedWithAnAnswerThatSaysWhatIsWrong() {
    HttpResponse<Buffer> status = get("/ping/" + UUID + "/256");
    assertEquals(400, status.statusCode());
    assertTrue(status.bodyAsString().contains("exit status must be a number from 0 to 255"), status.bodyAsString());
    HttpResponse<Buffer> rid = get("/ping/" + UUID + "?rid=" + "x".repeat(101));
    assertEquals(400, rid.statusCode());
    assertTrue(rid.bodyAsString().startsWith("rid must be"), rid.bodyAsString());
    assertEquals(404, get("/ping/" + KEY + "/no-such-job").statusCode());
    assertEquals(404, get("/ping/11111111-2222-3333-4444-555555555555/start").statusCode());
    assertTrue(pings().isEmpty());
  }

  @Test
  void aLongBodyIsCutAndTheAnswerSaysSo() {
    HttpResponse<Buffer> response = post("/ping/" + UUID + "/fail", "é".repeat(1000));
    assertEquals(200, response.statusCode());
    assertEquals("1024", response.getHeader("Quorate-Body-Truncated"));
    HeartbeatPing ping = onlyPing();
    assertTrue(ping.getBodyTruncated());
    assertEquals("é".repeat(512), ping.getBody(), "cut on a character boundary");
    assertNull(get("/ping/" + UUID).getHeader("Quorate-Body-Truncated"), "short bodies are not marked");
  }

  @Test
  void aMonitorPingingFasterThanItsRateGets429WithRetryAfter() {
    for (int i = 0; i < 10; i++) {
      assertEquals(200, get("/ping/" + UUID).statusCode(), "within the burst of twice the rate");
    }
    HttpResponse<Buffer> limited = get("/ping/" + UUID);
    assertEquals(429, limited.statusCode());
    assertEquals("1", limited.getHeader("Retry-After"), "the fixed clock never refills: 1 s is the minimum");
    assertEquals(200, get("/ping/" + KEY + "/" + SLUG).statusCode(), "the slug form has its own budget");
    await(() -> pings().size() == 11, () -> "every 200 reached the coordinator");
  }
}
