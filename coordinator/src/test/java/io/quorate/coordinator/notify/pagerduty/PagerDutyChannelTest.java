package io.quorate.coordinator.notify.pagerduty;

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

/**
 * PagerDuty's Events API v2 against a recording stand-in that answers 202 like events.pagerduty.com. Each
 * channel gets its own {@code api_url} prefix, so the test can tell their requests apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagerDutyChannelTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ACCEPTED = "{\"status\":\"success\",\"message\":\"Event processed\"}";
  private ChannelBench bench;
  private RecordingHttpServer pagerDuty;

  @BeforeAll
  void start() {
    bench = ChannelBench.start();
    pagerDuty = new RecordingHttpServer(202, ACCEPTED);
  }

  @AfterAll
  void stop() {
    bench.close();
    pagerDuty.close();
  }

  private String pagerDutyChannel(String prefix, String routingKey) {
    return bench.api.createChannel(new JsonObject().put("type", "pagerduty").put("routing_key", routingKey)
        .put("api_url", pagerDuty.url(prefix))).getString("id");
  }

  private RecordingHttpServer.Request request(String prefix, int index) {
    return Eventually.value(WAIT, "PagerDuty receives event " + (index + 1), () -> {
      List<RecordingHttpServer.Request> requests = pagerDuty.requests(prefix + "/v2/enqueue");
      return requests.size() > index ? requests.get(index) : null;
    });
  }

  @Test
  void triggersWithTheIncidentAsDedupKeyThenAcknowledgesAndResolvesTheSameAlert() {
    String key = "R0UT1NGK3Y0000000000000000000001";
    String id = pagerDutyChannel("/pd-main", key);
    Incident incident = bench.openIncident("Checkout API");
    JsonObject opened = ChannelBench.openedPayload(incident);
    bench.send(incident, opened, id);

    JsonObject expected = new JsonObject()
        .put("routing_key", key)
        .put("event_action", "trigger")
        .put("dedup_key", incident.id().toString())
        .put("payload", new JsonObject()
            .put("summary", opened.getString("text"))
            .put("source", "Checkout API")
            .put("severity", "critical")
            .put("custom_details", new JsonObject().put("event", "incident.opened").put("text", opened.getString("text"))
                .put("incident", opened.getJsonObject("incident")).put("monitor", opened.getJsonObject("monitor"))))
        .put("client", "Quorate")
        .put("client_url", ChannelBench.APP_LINK)
        .put("links", new JsonArray().add(new JsonObject().put("href", ChannelBench.APP_LINK).put("text", "Open in Quorate")));
    assertEquals(expected, request("/pd-main", 0).json());

    bench.send(incident, event("incident.acknowledged", incident), id);
    assertEquals(new JsonObject().put("routing_key", key).put("event_action", "acknowledge")
        .put("dedup_key", incident.id().toString()), request("/pd-main", 1).json());
    bench.send(incident, event("incident.resolved", incident), id);
    assertEquals(new JsonObject().put("routing_key", key).put("event_action", "resolve")
        .put("dedup_key", incident.id().toString()), request("/pd-main", 2).json());
  }

  @Test
  void theSeverityIsTheChannelsAndTheLinkGoesAlong() {
    String id = bench.api.createChannel(new JsonObject().put("type", "pagerduty").put("routing_key", "R0UT1NGK3Y0000000000000000000002")
        .put("severity", "warning").put("api_url", pagerDuty.url("/pd-warning"))).getString("id");
    Incident incident = bench.openIncident("Reports");
    String link = ChannelBench.APP_LINK + "#/incidents/" + incident.id();
    bench.send(incident, ChannelBench.openedPayload(incident).put("link", link), id);

    JsonObject event = request("/pd-warning", 0).json();
    assertEquals("warning", event.getJsonObject("payload").getString("severity"));
    assertEquals(link, event.getString("client_url"));
    assertEquals(new JsonArray().add(new JsonObject().put("href", link).put("text", "Open in Quorate")), event.getJsonArray("links"));
  }

  @Test
  void theRoutingKeyIsWriteOnly() {
    String id = pagerDutyChannel("/pd-hidden", "HIDDENKEY000000000000000000000ab12");
    assertEquals("****ab12", bench.api.channel(id).getString("routing_key"));
    assertFalse(bench.api.get("/api/v1/channels").body().contains("HIDDENKEY"));
  }

  @Test
  void retriesWhilePagerDutyIsRateLimitingOrFailing() {
    String id = pagerDutyChannel("/pd-busy", "R0UT1NGK3Y0000000000000000000003");
    pagerDuty.answerNext("/pd-busy/v2/enqueue", 1, 429, "{\"status\":\"throttle event\"}");
    pagerDuty.answerNext("/pd-busy/v2/enqueue", 1, 502, "");
    Incident incident = bench.openIncident("Billing");
    bench.send(incident, ChannelBench.openedPayload(incident), id);

    Eventually.until(WAIT, "delivered on the third attempt", () -> "delivered".equals(bench.delivery(incident, id).get("state")));
    assertEquals(List.of(429, 502, 202), pagerDuty.requests("/pd-busy/v2/enqueue").stream()
        .map(RecordingHttpServer.Request::answeredStatus).toList());
  }

  @Test
  void anInvalidRoutingKeyMarksTheChannelBrokenUntilATestAlertIsAccepted() {
    String id = pagerDutyChannel("/pd-invalid", "R0UT1NGK3Y0000000000000000000004");
    String invalid = "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"Invalid routing key\"]}";
    pagerDuty.answerAlways("/pd-invalid/v2/enqueue", 400, invalid);
    Incident incident = bench.openIncident("Search");
    bench.send(incident, ChannelBench.openedPayload(incident), id);

    JsonObject broken = Eventually.value(WAIT, "the channel shows as broken", () -> bench.api.channel(id).getJsonObject("broken"));
    assertEquals("receiver answered HTTP 400: " + invalid, broken.getString("reason"));
    assertEquals("failed", bench.delivery(incident, id).get("state"));
    assertEquals(new JsonObject().put("accepted", false).put("detail", "receiver answered HTTP 400: " + invalid),
        bench.api.testChannel(id));

    pagerDuty.answerAsUsual("/pd-invalid/v2/enqueue");
    assertEquals(new JsonObject().put("accepted", true).put("detail", "receiver answered HTTP 202: " + ACCEPTED),
        bench.api.testChannel(id));
    assertNull(bench.api.channel(id).getValue("broken"));
    JsonObject test = request("/pd-invalid", 2).json();
    assertEquals("info", test.getJsonObject("payload").getString("severity"));
    assertEquals("TEST — Quorate test alert for channel PagerDuty, no incident.", test.getJsonObject("payload").getString("summary"));
    assertEquals("quorate-test-", test.getString("dedup_key").substring(0, 13));
  }

  private static JsonObject event(String event, Incident incident) {
    return ChannelBench.openedPayload(incident).put("event", event).put("text", event + " of " + incident.monitorName());
  }
}
