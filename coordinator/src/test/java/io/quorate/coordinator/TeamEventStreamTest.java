package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.RawProbeLink;
import io.quorate.coordinator.support.TestClock;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/events} on a two-node cluster: a browser connected to one node hears about an incident
 * that the other node decided, through the clustered event bus, with a real HTTP client reading the stream.
 */
class TeamEventStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
  // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private TestCluster cluster;
  private long seq;

  @BeforeEach
  void start() {
    cluster = TestCluster.start(2, TestDatabase.create(), Duration.ofMillis(200), clock);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void anIncidentDecidedOnOneNodeReachesAStreamOnTheOther() {
    Api node0 = cluster.api(0);
    String id = node0.createMonitor(new JsonObject().put("name", "Queue refunds").put("type", "http")
        .put("url", "https://queues.example.com/stats").put("interval", "1m").put("timeout", "10s")
        .put("regions", new JsonArray(REGIONS)).put("quorum", 2).put("confirmations", 1)).getString("id");
    List<String> lines = new CopyOnWriteArrayList<>();
    CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + cluster.node(1).httpPort() + "/api/v1/events"))
        .header("Authorization", "Bearer " + TestCluster.ADMIN_TOKEN).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofLines());
    try {
      HttpResponse<Stream<String>> response = stream.join();
      assertEquals(200, response.statusCode());
      assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
      Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
      reader.setDaemon(true);
      reader.start();
      Eventually.until(WAIT, "the stream opens with a retry hint", () -> lines.contains("retry: 3000"));

      try (RawProbeLink euWest = link("eu-west"); RawProbeLink usEast = link("us-east")) {
        euWest.sendAndAwaitAck(List.of(failure(id)), WAIT);
        usEast.sendAndAwaitAck(List.of(failure(id)), WAIT);
      }

      Eventually.until(WAIT, "node 1's stream names the incident node 0 opened", () -> lines.contains("event: incident.opened"));
      JsonObject opened = data(lines, "incident.opened");
      assertEquals(id, opened.getString("monitor_id"));
      assertEquals("coordinator-1", opened.getString("node"), "decided on node 0, whose id is coordinator-1");
      assertEquals(node0.openIncident(id).getString("id"), opened.getString("incident_id"));
      assertTrue(lines.contains("event: monitor.state"), "the regions' votes changed first: " + lines);
      int opens = lines.indexOf("event: incident.opened");
      assertTrue(lines.get(opens - 1).matches("id: \\d+"), "every event has an id: " + lines);

      // Pausing a heartbeat through node 0 is a monitor change for the views on node 1.
      String job = node0.createMonitor(new JsonObject().put("name", "Nightly export").put("type", "heartbeat")
          .put("period", "1d").put("grace", "1h")).getString("id");
      assertEquals(204, node0.post("/api/v1/monitors/" + job + "/pause", "").status());
      Eventually.until(WAIT, "node 1's stream names the paused heartbeat",
          () -> lines.stream().anyMatch(l -> l.startsWith("data: ") && l.contains("\"type\":\"monitor.updated\"")
              && l.contains(job)));
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("data: ") && l.contains("\"type\":\"monitor.created\"")
          && l.contains(job)), "and its creation before: " + lines);
    } finally {
      stream.cancel(true);
    }
  }

  @Test
  void theStreamNeedsTheAdminToken() throws Exception {
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + cluster.node(1).httpPort() + "/api/v1/events")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, anonymous.statusCode());
  }

  private static JsonObject data(List<String> lines, String type) {
    int at = lines.indexOf("event: " + type);
    return new JsonObject(lines.get(at + 1).substring("data: ".length()));
  }

  private RawProbeLink link(String region) {
    return RawProbeLink.connect(cluster.grpcAddresses().get(0), TestCluster.PROBE_TOKEN, region, region + "-probe-1");
  }

  private Event failure(String monitorId) {
    seq++;
    return Event.newBuilder().setSeq(seq).setEventId("test-" + UUID.randomUUID())
        .setObservation(Observation.newBuilder().setMonitorId(monitorId)
            .setObservedAtMs(clock.instant().minusSeconds(5).toEpochMilli())
            .setOutcome(Outcome.OUTCOME_DOWN).setStatusCode(200).setLatencyMs(12)
            .setReason("[BODY].enqueued (5234) < 1000").putValues("[BODY].enqueued", 5234))
        .build();
  }
}
