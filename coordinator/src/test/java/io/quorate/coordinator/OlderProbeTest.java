package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.config.ProbeHealthLimits;
import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.RawProbeLink;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rolling upgrade: the coordinators are upgraded first, so for a while they talk to probes of the release
 * before. Such a probe sends no {@code quorate-region} header and no {@code ProbeHealth}, and knows nothing of
 * {@code Goaway}; it speaks Hello, event batches and watermarks. It must still link (with the shared token or
 * with its region's enrollment token), keep its region voting through its watermarks, and page with the others.
 * The old probe is spoken by hand ({@link RawProbeLink}) so it sends exactly what that release sent.
 */
class OlderProbeTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> REGIONS = List.of("eu-west", "us-east");
  private static final Duration LOST_AFTER = Duration.ofSeconds(10);
  private TestCluster cluster;
  private long seq;

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aProbeOfThePreviousReleaseLinksKeepsItsRegionVotingAndPages() {
    cluster = TestCluster.start(1, TestDatabase.create(), Duration.ofMillis(200), 10, Clock.systemUTC(),
        new ProbeHealthLimits(LOST_AFTER, Duration.ofMinutes(10)));
    Api api = cluster.api(0);
    String usEastToken = api.post("/api/v1/probe-tokens", new JsonObject().put("region", "us-east")
        .put("name", "us-east vm 1").encode()).json().getString("token");
    String id = api.createMonitor(new JsonObject().put("name", "Invoices").put("type", "http")
        .put("url", "https://queues.example.com/stats").put("interval", "1m").put("timeout", "10s")
        .put("conditions", new JsonArray().add("[BODY].enqueued < 1000")).put("regions", new JsonArray(REGIONS))
        .put("quorum", 2).put("confirmations", 1)).getString("id");

    String grpc = cluster.grpcAddresses().get(0);
    try (RawProbeLink euWest = RawProbeLink.connect(grpc, TestCluster.PROBE_TOKEN, "eu-west", "eu-west-old");
        RawProbeLink usEast = RawProbeLink.connect(grpc, usEastToken, "us-east", "us-east-old")) {
      // Longer than the limit after which a node not heard from is lost: only the watermarks keep them alive.
      Instant until = Instant.now().plus(LOST_AFTER).plusSeconds(2);
      while (Instant.now().isBefore(until)) {
        euWest.sendWatermark(0, Instant.now());
        usEast.sendWatermark(0, Instant.now());
        Eventually.during(Duration.ofSeconds(1), "both regions keep voting", () -> votes(api, "eu-west")
            && votes(api, "us-east"));
      }

      euWest.sendAndAwaitAck(List.of(down(id)), WAIT);
      usEast.sendAndAwaitAck(List.of(down(id)), WAIT);
      JsonObject incident = Eventually.value(WAIT, "the incident opens", () -> api.openIncident(id));
      assertEquals(REGIONS, incident.getJsonArray("regions_down").getList());
    }
    JsonObject usEastNode = region(api, "us-east").orElseThrow().getJsonArray("nodes").getJsonObject(0);
    assertEquals("us-east vm 1", usEastNode.getString("token_name"), usEastNode.encode());
    assertTrue(usEastNode.getString("address").startsWith("127.0.0.1:"), usEastNode.encode());
  }

  private static boolean votes(Api api, String region) {
    return region(api, region).map(r -> r.getBoolean("votes") && r.getString("state").equals("healthy")).orElse(false);
  }

  private static Optional<JsonObject> region(Api api, String name) {
    return api.get("/api/v1/probes").json().getJsonArray("regions").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("region").equals(name)).findFirst();
  }

  private Event down(String monitorId) {
    seq++;
    return Event.newBuilder().setSeq(seq).setEventId("old-" + UUID.randomUUID())
        .setObservation(Observation.newBuilder().setMonitorId(monitorId).setObservedAtMs(System.currentTimeMillis())
            .setOutcome(Outcome.OUTCOME_DOWN).setStatusCode(200).setLatencyMs(12)
            .setReason("[BODY].enqueued (5234) < 1000").putValues("[BODY].enqueued", 5234))
        .build();
  }
}
