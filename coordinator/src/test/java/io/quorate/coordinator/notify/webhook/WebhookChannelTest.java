package io.quorate.coordinator.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.support.ChannelBench;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.RecordingHttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The generic webhook against a recording receiver: exact body, signature, idempotency key, retries, breakage. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookChannelTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private ChannelBench bench;
  private RecordingHttpServer receiver;

  @BeforeAll
  void start() {
    bench = ChannelBench.start();
    receiver = new RecordingHttpServer(200, "");
  }

  @AfterAll
  void stop() {
    bench.close();
    receiver.close();
  }

  private JsonObject webhook(String name, String path) {
    return bench.api.createChannel(new JsonObject().put("type", "webhook").put("name", name).put("url", receiver.url(path)));
  }

  @Test
  void postsThePayloadSignedWithTheSecretShownOnlyOnCreate() {
    JsonObject channel = webhook("Ops receiver", "/hooks/signed");
    String secret = channel.getString("secret");
    assertEquals(32, secret.length(), "a generated secret of 24 random bytes, base64url");
    assertEquals("****" + secret.substring(28), bench.api.channel(channel.getString("id")).getString("secret"));
    assertFalse(bench.api.get("/api/v1/channels").body().contains(secret));

    Incident incident = bench.openIncident("Checkout API");
    JsonObject payload = ChannelBench.openedPayload(incident);
    bench.send(incident, payload, channel.getString("id"));

    RecordingHttpServer.Request request = Eventually.value(WAIT, "the webhook is called",
        () -> receiver.requests("/hooks/signed").stream().findFirst().orElse(null));
    String deliveryId = request.header("Idempotency-Key");
    assertNotNull(UUID.fromString(deliveryId));
    assertEquals(deliveryId, request.header("X-Quorate-Delivery"));
    assertEquals(payload.copy().put("delivery_id", deliveryId), request.json());
    assertEquals("application/json", request.header("Content-Type"));
    assertSigned(request, secret);
  }

  @Test
  void retriesA5xxWithTheSameIdempotencyKeyAndAFreshSignature() {
    JsonObject channel = webhook("Flaky receiver", "/hooks/flaky");
    receiver.answerNext("/hooks/flaky", 2, 503, "busy");
    Incident incident = bench.openIncident("Payroll sync");
    bench.send(incident, ChannelBench.openedPayload(incident), channel.getString("id"));

    Eventually.until(WAIT, "the third attempt is accepted",
        () -> "delivered".equals(bench.delivery(incident, channel.getString("id")).get("state")));
    List<RecordingHttpServer.Request> attempts = receiver.requests("/hooks/flaky");
    assertEquals(List.of(503, 503, 200), attempts.stream().map(RecordingHttpServer.Request::answeredStatus).toList());
    assertEquals(1, attempts.stream().map(r -> r.header("Idempotency-Key")).collect(Collectors.toSet()).size());
    attempts.forEach(attempt -> assertSigned(attempt, channel.getString("secret")));
    assertEquals(3, bench.delivery(incident, channel.getString("id")).get("attempts"));
  }

  @Test
  void aGoneReceiverMarksTheChannelBrokenAndTheNextAcceptedDeliveryClearsIt() {
    JsonObject channel = webhook("Gone receiver", "/hooks/gone");
    String id = channel.getString("id");
    receiver.answerAlways("/hooks/gone", 410, "gone");
    Incident first = bench.openIncident("Invoice export");
    bench.send(first, ChannelBench.openedPayload(first), id);

    JsonObject broken = Eventually.value(WAIT, "the channel shows as broken",
        () -> bench.api.channel(id).getJsonObject("broken"));
    assertEquals("receiver answered HTTP 410: gone", broken.getString("reason"));
    assertNotNull(Instant.parse(broken.getString("since")));
    assertEquals("failed", bench.delivery(first, id).get("state"));
    assertEquals(1, receiver.requests("/hooks/gone").size(), "a permanent refusal is not retried");

    receiver.answerAsUsual("/hooks/gone");
    Incident second = bench.openIncident("Invoice import");
    bench.send(second, ChannelBench.openedPayload(second), id);
    Eventually.until(WAIT, "the accepted delivery clears the mark", () -> bench.api.channel(id).getValue("broken") == null);
  }

  @Test
  void theTestAlertIsSignedAndReportsWhatTheReceiverAnswered() {
    JsonObject channel = webhook("Test receiver", "/hooks/test");
    String id = channel.getString("id");
    JsonObject answer = bench.api.testChannel(id);
    assertEquals(new JsonObject().put("accepted", true).put("detail", "receiver answered HTTP 200"), answer);
    RecordingHttpServer.Request request = receiver.requests("/hooks/test").get(0);
    assertEquals(new JsonObject().put("event", "test")
        .put("text", "TEST — Quorate test alert for channel Test receiver, no incident.")
        .put("delivery_id", request.header("Idempotency-Key")), request.json());
    assertSigned(request, channel.getString("secret"));

    receiver.answerNext("/hooks/test", 1, 401, "{\"error\": \"bad signature\"}");
    assertEquals(new JsonObject().put("accepted", false).put("detail", "receiver answered HTTP 401: {\"error\": \"bad signature\"}"),
        bench.api.testChannel(id));
    assertNull(bench.api.channel(id).getValue("broken"), "a refused test alert is reported, not recorded");
  }

  @Test
  void aChannelFromBeforeSignaturesKeepsWorkingUnsigned() {
    String id = UUID.randomUUID().toString();
    bench.db.execute("INSERT INTO channels (id, type, name, config, created_at) VALUES (?::uuid, 'webhook', 'Legacy',"
        + " ?::jsonb, now())", id, new JsonObject().put("url", receiver.url("/hooks/legacy")).encode());
    assertFalse(bench.api.channel(id).containsKey("secret"));
    Incident incident = bench.openIncident("Legacy job");
    bench.send(incident, ChannelBench.openedPayload(incident), id);

    RecordingHttpServer.Request request = Eventually.value(WAIT, "the legacy webhook is called",
        () -> receiver.requests("/hooks/legacy").stream().findFirst().orElse(null));
    assertNull(request.header("X-Quorate-Signature"));
    assertNotNull(request.header("Idempotency-Key"));
  }

  /** Verifies the signature the way the documented receiver recipe does, independently of Quorate's code. */
  private static void assertSigned(RecordingHttpServer.Request request, String secret) {
    String timestamp = request.header("X-Quorate-Timestamp");
    long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
    assertTrue(age >= 0 && age < 60, "timestamp is current: " + timestamp);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body().getBytes()));
      assertEquals(expected, request.header("X-Quorate-Signature"));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
