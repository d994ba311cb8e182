package io.quorate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DemoQueueServiceTest {
  private static final JsonObject HEALTHY = new JsonObject()
      .put("queue", "receipts").put("enqueued", 12).put("oldest_age_s", 3).put("dead", 0);
  private static final JsonObject BACKLOG = new JsonObject()
      .put("queue", "receipts").put("enqueued", 5234).put("oldest_age_s", 1080).put("dead", 0);

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private DemoQueueService service;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    Console console = new Console(new PrintStream(printed, true, StandardCharsets.UTF_8));
    service = DemoQueueService.start(vertx, "127.0.0.1", 0, Topology.REGIONS, console).await(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @Test
  void answersTheNormalBodyToEveryRegionAtFirst() throws Exception {
    for (String region : Topology.REGIONS) {
      assertEquals(HEALTHY, queueAsSeenBy(region));
    }
    assertEquals(HEALTHY, queueAsSeenBy(null));
  }

  @Test
  void givesABacklogOnlyToTheRegionsMarkedFailing() throws Exception {
    HttpResponse<Buffer> response = post("/fail?regions=eu-west,us-east");

    assertEquals(200, response.statusCode());
    assertEquals(new JsonArray(List.of("eu-west", "us-east")), response.bodyAsJsonObject().getJsonArray("failing"));
    assertEquals(BACKLOG, queueAsSeenBy("eu-west"));
    assertEquals(BACKLOG, queueAsSeenBy("us-east"));
    assertEquals(HEALTHY, queueAsSeenBy("ap-south"));
    assertEquals(HEALTHY, queueAsSeenBy(null), "a request without X-Quorate-Region is no region's probe");
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("[demo-queue] regions now seeing a backlog: eu-west, us-east"));
  }

  @Test
  void failSetsExactlyTheRegionsGivenAndRecoverClearsThemAll() throws Exception {
    post("/fail?regions=eu-west,us-east");
    post("/fail?regions=ap-south");
    assertEquals(HEALTHY, queueAsSeenBy("eu-west"));
    assertEquals(BACKLOG, queueAsSeenBy("ap-south"));

    HttpResponse<Buffer> response = post("/recover");

    assertEquals(new JsonArray(), response.bodyAsJsonObject().getJsonArray("failing"));
    for (String region : Topology.REGIONS) {
      assertEquals(HEALTHY, queueAsSeenBy(region));
    }
  }

  @Test
  void theControlPageFormSwitchesRegionsAndGoesBackToThePage() throws Exception {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("regions", "us-east").add("regions", "ap-south");
    HttpResponse<Buffer> response = client.post(service.port(), "127.0.0.1", "/fail")
        .putHeader("Accept", "text/html").followRedirects(false)
        .sendForm(form).await(5, TimeUnit.SECONDS);

    assertEquals(303, response.statusCode());
    assertEquals("/", response.getHeader("Location"));
    assertEquals(BACKLOG, queueAsSeenBy("us-east"));
    assertEquals(BACKLOG, queueAsSeenBy("ap-south"));
    String page = client.get(service.port(), "127.0.0.1", "/").send().await(5, TimeUnit.SECONDS).bodyAsString();
    assertTrue(page.contains("value=\"us-east\" checked"), page);
    assertTrue(page.contains("value=\"eu-west\">"), page);
  }

  @Test
  void rejectsARegionNameThatCannotBeOne() throws Exception {
    HttpResponse<Buffer> response = post("/fail?regions=eu-west,%3Cscript%3E");

    assertEquals(400, response.statusCode());
    assertEquals("bad_request", response.bodyAsJsonObject().getString("error"));
    assertEquals(HEALTHY, queueAsSeenBy("eu-west"), "nothing changes on a bad request");
  }

  private JsonObject queueAsSeenBy(String region) throws Exception {
    var request = client.get(service.port(), "127.0.0.1", "/queues/receipts");
    if (region != null) {
      request.putHeader("X-Quorate-Region", region);
    }
    HttpResponse<Buffer> response = request.send().await(5, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    return response.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> post(String uri) throws Exception {
    return client.post(service.port(), "127.0.0.1", uri).send().await(5, TimeUnit.SECONDS);
  }
}
