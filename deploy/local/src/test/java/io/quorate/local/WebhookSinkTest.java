package io.quorate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class WebhookSinkTest {
  private static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private WebhookSink sink;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    Console console = new Console(new PrintStream(printed, true, StandardCharsets.UTF_8));
    sink = WebhookSink.start(vertx, "127.0.0.1", 0, console, Clock.fixed(NOW, ZoneOffset.UTC)).await(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @Test
  void recordsEachDeliveryPrintsItAndListsItAsJsonNewestFirst() throws Exception {
    assertEquals(204, deliver("d-1", opened("d-1")).statusCode());
    assertEquals(204, deliver("d-2", resolved("d-2")).statusCode());

    JsonArray listed = client.get(sink.port(), "127.0.0.1", "/deliveries").send().await(5, TimeUnit.SECONDS)
        .bodyAsJsonObject().getJsonArray("deliveries");

    assertEquals(2, listed.size());
    JsonObject newest = listed.getJsonObject(0);
    assertEquals("incident.resolved", newest.getString("event"));
    assertEquals("d-2", newest.getString("delivery_id"));
    assertEquals(NOW.toString(), newest.getString("received_at"));
    assertEquals("Receipt emails queue", newest.getJsonObject("body").getJsonObject("incident").getString("monitor_name"));
    assertEquals("incident.opened", listed.getJsonObject(1).getString("event"));
    String console = printed.toString(StandardCharsets.UTF_8);
    assertTrue(console.contains("[webhook] incident.opened Receipt emails queue is down in eu-west, us-east"), console);
    assertTrue(console.contains("[webhook] incident.resolved Receipt emails queue is up again"), console);
  }

  @Test
  void marksARetryOfTheSameDeliveryAsARepeat() throws Exception {
    deliver("d-1", opened("d-1"));
    deliver("d-1", opened("d-1"));

    assertEquals(2, sink.deliveries().size());
    assertTrue(sink.deliveries().get(0).repeat());
    assertFalse(sink.deliveries().get(1).repeat());
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("(repeat of delivery d-1)"));
  }

  @Test
  void listsDeliveriesOnItsPageAsEscapedText() throws Exception {
    deliver("d-1", opened("d-1").put("text", "<script>alert(1)</script>"));

    String page = client.get(sink.port(), "127.0.0.1", "/").send().await(5, TimeUnit.SECONDS).bodyAsString();

    assertTrue(page.contains("incident.opened"), page);
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
    assertFalse(page.contains("<script>"), page);
  }

  @Test
  void recordsABodyThatIsNotJsonAndAnswers400() throws Exception {
    HttpResponse<Buffer> response = client.post(sink.port(), "127.0.0.1", "/hook")
        .sendBuffer(Buffer.buffer("not json")).await(5, TimeUnit.SECONDS);

    assertEquals(400, response.statusCode());
    assertEquals("(not a JSON object)", sink.deliveries().get(0).event());
    assertEquals("not json", sink.deliveries().get(0).text());
  }

  private HttpResponse<Buffer> deliver(String id, JsonObject body) throws Exception {
    return client.postAbs(sink.url()).putHeader("X-Quorate-Delivery", id).sendJsonObject(body).await(5, TimeUnit.SECONDS);
  }

  private static JsonObject opened(String id) {
    return new JsonObject().put("event", "incident.opened").put("delivery_id", id)
        .put("text", "Receipt emails queue is down in eu-west, us-east")
        .put("incident", new JsonObject().put("id", "i-1").put("monitor_name", "Receipt emails queue")
            .put("regions_down", new JsonArray().add("eu-west").add("us-east")));
  }

  private static JsonObject resolved(String id) {
    return new JsonObject().put("event", "incident.resolved").put("delivery_id", id)
        .put("text", "Receipt emails queue is up again")
        .put("incident", new JsonObject().put("id", "i-1").put("monitor_name", "Receipt emails queue"));
  }
}
