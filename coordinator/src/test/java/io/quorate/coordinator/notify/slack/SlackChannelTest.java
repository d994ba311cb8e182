package io.quorate.coordinator.notify.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.support.ChannelBench;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.RecordingHttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Slack incoming webhooks against a recording stand-in for hooks.slack.com, which answers 200 "ok". */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackChannelTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private ChannelBench bench;
  private RecordingHttpServer slack;

  @BeforeAll
  void start() {
    bench = ChannelBench.start();
    slack = new RecordingHttpServer(200, "ok");
  }

  @AfterAll
  void stop() {
    bench.close();
    slack.close();
  }

  private String slackChannel(String name, String path) {
    return bench.api.createChannel(new JsonObject().put("type", "slack").put("name", name)
        .put("webhook_url", slack.url(path))).getString("id");
  }

  @Test
  void postsTheAlertTextWithAHeadlineFactsAndALinkButton() {
    String path = "/services/T0001/B0001/XXXXXXXXXXXXXXXXXXXXXXXX";
    String id = slackChannel("Payments on Slack", path);
    Incident incident = bench.openIncident("Checkout API");
    String link = ChannelBench.APP_LINK + "#/incidents/" + incident.id();
    JsonObject payload = ChannelBench.openedPayload(incident)
        .put("monitor", new JsonObject().put("owner", "payments-team").put("impact", "Customers cannot pay")
            .put("customer_action", "Retry in a few minutes").put("urgency", "page"))
        .put("link", link);
    bench.send(incident, payload, id);

    RecordingHttpServer.Request request = Eventually.value(WAIT, "Slack is called",
        () -> slack.requests(path).stream().findFirst().orElse(null));
    String text = payload.getString("text");
    JsonObject expected = new JsonObject().put("text", text).put("blocks", new JsonArray()
        .add(new JsonObject().put("type", "header").put("text", plain("🔴 DOWN: Checkout API")))
        .add(new JsonObject().put("type", "section").put("text", new JsonObject().put("type", "mrkdwn").put("text", text)))
        .add(new JsonObject().put("type", "context").put("elements", new JsonArray().add(new JsonObject().put("type", "mrkdwn")
            .put("text", "*Impact:* Customers cannot pay  ·  *Customer action:* Retry in a few minutes  ·  "
                + "*Owner:* payments-team  ·  *Urgency:* page"))))
        .add(new JsonObject().put("type", "actions").put("elements", new JsonArray().add(new JsonObject()
            .put("type", "button").put("text", plain("Open in Quorate")).put("url", link)))));
    assertEquals(expected, request.json());
    assertEquals("application/json", request.header("Content-Type"));
  }

  @Test
  void theWebhookUrlIsWriteOnly() {
    String path = "/services/T0001/B0002/secretpart1234";
    String id = slackChannel("Write-only", path);
    JsonObject shown = bench.api.channel(id);
    assertEquals("****1234", shown.getString("webhook_url"));
    assertFalse(bench.api.get("/api/v1/channels").body().contains("secretpart"));
  }

  @Test
  void retriesWhileSlackFailsAndDeliversOnce() {
    String path = "/services/T0001/B0003/rollup";
    String id = slackChannel("Flaky Slack", path);
    slack.answerNext(path, 1, 500, "rollup_error");
    slack.answerNext(path, 1, 429, "rate_limited");
    Incident incident = bench.openIncident("Search API");
    bench.send(incident, ChannelBench.openedPayload(incident), id);

    Eventually.until(WAIT, "delivered on the third attempt", () -> "delivered".equals(bench.delivery(incident, id).get("state")));
    assertEquals(List.of(500, 429, 200), slack.requests(path).stream().map(RecordingHttpServer.Request::answeredStatus).toList());
  }

  @Test
  void aDeletedWebhookMarksTheChannelBrokenUntilATestAlertGoesThrough() {
    String path = "/services/T0001/B0004/deleted";
    String id = slackChannel("Deleted webhook", path);
    slack.answerAlways(path, 404, "no_service");
    Incident incident = bench.openIncident("Mailer");
    bench.send(incident, ChannelBench.openedPayload(incident), id);

    JsonObject broken = Eventually.value(WAIT, "the channel shows as broken", () -> bench.api.channel(id).getJsonObject("broken"));
    assertEquals("receiver answered HTTP 404: no_service", broken.getString("reason"));
    assertEquals(1, slack.requests(path).size(), "not retried");
    assertEquals(new JsonObject().put("accepted", false).put("detail", "receiver answered HTTP 404: no_service"),
        bench.api.testChannel(id));

    slack.answerAsUsual(path);
    assertEquals(new JsonObject().put("accepted", true).put("detail", "receiver answered HTTP 200: ok"), bench.api.testChannel(id));
    assertNull(bench.api.channel(id).getValue("broken"));
    JsonObject test = slack.requests(path).get(2).json();
    assertEquals("TEST — Quorate test alert for channel Deleted webhook, no incident.", test.getString("text"));
    assertEquals(plain("🧪 TEST: Quorate test alert"), test.getJsonArray("blocks").getJsonObject(0).getJsonObject("text"));
  }

  private static JsonObject plain(String text) {
    return new JsonObject().put("type", "plain_text").put("text", text).put("emoji", true);
  }
}
