package io.quorate.coordinator.notify.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.support.ChannelBench;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.RecordingHttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Telegram Bot API's sendMessage against a recording stand-in for api.telegram.org. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramChannelTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SENT = "{\"ok\":true,\"result\":{\"message_id\":42}}";
  private ChannelBench bench;
  private RecordingHttpServer telegram;

  @BeforeAll
  void start() {
    bench = ChannelBench.start();
    telegram = new RecordingHttpServer(200, SENT);
  }

  @AfterAll
  void stop() {
    bench.close();
    telegram.close();
  }

  private String telegramChannel(String token, Object chatId) {
    return bench.api.createChannel(new JsonObject().put("type", "telegram").put("bot_token", token).put("chat_id", chatId)
        .put("api_url", telegram.base())).getString("id");
  }

  private static String path(String token) {
    return "/bot" + token + "/sendMessage";
  }

  @Test
  void sendsTheAlertAsPlainTextToTheChat() {
    String token = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
    String id = telegramChannel(token, -1001234567890L);
    Incident incident = bench.openIncident("Checkout API");
    JsonObject payload = ChannelBench.openedPayload(incident)
        .put("monitor", new JsonObject().put("owner", "payments-team").put("impact", "Customers cannot pay"));
    bench.send(incident, payload, id);

    RecordingHttpServer.Request request = Eventually.value(WAIT, "Telegram is called",
        () -> telegram.requests(path(token)).stream().findFirst().orElse(null));
    assertEquals(new JsonObject()
        .put("chat_id", "-1001234567890")
        .put("text", "🔴 DOWN: Checkout API\n\n" + payload.getString("text") + "\n\nImpact: Customers cannot pay\nOwner: payments-team")
        .put("disable_web_page_preview", true), request.json());
    assertEquals("-1001234567890", bench.api.channel(id).getString("chat_id"));
  }

  @Test
  void theBotTokenIsWriteOnlyAndNeverInAnError() {
    String token = "222222222:AAHsecretsecretsecretsecretsecret01";
    String id = telegramChannel(token, "@quorate_alerts");
    assertEquals("****et01", bench.api.channel(id).getString("bot_token"));
    assertFalse(bench.api.get("/api/v1/channels").body().contains("secretsecret"));

    // A receiver that echoes the request path would put the token in the answer: it is redacted.
    telegram.answerNext(path(token), 1, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized: " + path(token) + "\"}");
    JsonObject answer = bench.api.testChannel(id);
    assertEquals(new JsonObject().put("accepted", false).put("detail",
        "receiver answered HTTP 401: {\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized: /bot****/sendMessage\"}"), answer);
  }

  @Test
  void retriesWhileTelegramFails() {
    String token = "333333333:AAHretryretryretryretryretryretry01";
    String id = telegramChannel(token, 1234567);
    telegram.answerNext(path(token), 1, 429, "{\"ok\":false,\"error_code\":429,\"parameters\":{\"retry_after\":1}}");
    telegram.answerNext(path(token), 1, 503, "");
    Incident incident = bench.openIncident("Exports");
    bench.send(incident, ChannelBench.openedPayload(incident), id);

    Eventually.until(WAIT, "delivered on the third attempt", () -> "delivered".equals(bench.delivery(incident, id).get("state")));
    assertEquals(List.of(429, 503, 200), telegram.requests(path(token)).stream()
        .map(RecordingHttpServer.Request::answeredStatus).toList());
  }

  @Test
  void aBotRemovedFromTheChatMarksTheChannelBrokenUntilATestAlertGoesThrough() {
    String token = "444444444:AAHkickedkickedkickedkickedkicked01";
    String id = telegramChannel(token, -100999L);
    String kicked = "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was kicked from the group chat\"}";
    telegram.answerAlways(path(token), 403, kicked);
    Incident incident = bench.openIncident("Backups");
    bench.send(incident, ChannelBench.openedPayload(incident), id);

    JsonObject broken = Eventually.value(WAIT, "the channel shows as broken", () -> bench.api.channel(id).getJsonObject("broken"));
    assertEquals("receiver answered HTTP 403: " + kicked, broken.getString("reason"));
    assertEquals(1, telegram.requests(path(token)).size(), "not retried");

    telegram.answerAsUsual(path(token));
    assertEquals(new JsonObject().put("accepted", true).put("detail", "receiver answered HTTP 200: " + SENT), bench.api.testChannel(id));
    assertNull(bench.api.channel(id).getValue("broken"));
    assertEquals("🧪 TEST: Quorate test alert\n\nTEST — Quorate test alert for channel Telegram -100999, no incident.",
        telegram.requests(path(token)).get(1).json().getString("text"));
  }
}
