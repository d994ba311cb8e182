package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.Pinger;
import io.quorate.coordinator.support.QueueEndpoint;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.coordinator.support.TestProbes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A coordinator node shut down gracefully while probes stream observations and workers ping: the probes are
 * told to move and are on the other node within a couple of seconds (their reconnect backoff is 10 s, so
 * only the Goaway can explain that), and every ping a worker heard 200 for is stored exactly once.
 */
class GracefulShutdownTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  /** Any reconnect after a plain end of stream waits at least half of this. */
  private static final Duration BACKOFF = Duration.ofSeconds(10);
  private TestDatabase db;
  private TestCluster cluster;
  private TestProbes probes;
  private QueueEndpoint queues;

  @AfterEach
  void stop() {
    probes.close();
    cluster.close();
    queues.close();
  }

  @Test
  void probesMoveAtOnceAndNoPingOrObservationIsLostWhenANodeShutsDownGracefully() throws Exception {
    db = TestDatabase.create();
    cluster = TestCluster.start(2, db, Duration.ofMillis(200));
    queues = new QueueEndpoint();
    probes = new TestProbes(Clock.systemUTC());
    for (String region : REGIONS) {
      probes.add(region, cluster.grpcAddresses(), TestCluster.PROBE_TOKEN,
          config -> config.withReconnectBackoff(BACKOFF, BACKOFF.multipliedBy(2)));
    }
    Eventually.until(WAIT, "all probes linked to node 0 (first in their list)", () -> regionsOn(0) == 3);
    Api survivor = cluster.api(1);
    survivor.createMonitor(new JsonObject().put("name", "Emails").put("type", "http")
        .put("url", queues.url("emails")).put("interval", "1s").put("timeout", "500ms")
        .put("conditions", new JsonArray().add("[BODY].enqueued < 1000")).put("regions", new JsonArray(REGIONS)));
    JsonObject heartbeat = survivor.createMonitor(new JsonObject().put("name", "Cleanup").put("type", "heartbeat")
        .put("period", "1h"));
    String pingPath = "/ping/" + heartbeat.getString("ping_id");
    for (String region : REGIONS) {
      Eventually.until(WAIT, region + " knows the heartbeat",
          () -> probes.pinger(region).post(pingPath, "warm-up").status() == 200);
    }
    Eventually.until(WAIT, "observations flow from every region",
        () -> db.count("SELECT count(DISTINCT region) FROM observations") == REGIONS.size());

    AtomicBoolean pinging = new AtomicBoolean(true);
    AtomicInteger accepted = new AtomicInteger();
    CompletableFuture<Void> workers = CompletableFuture.runAsync(() -> pingUntilStopped(pingPath, pinging, accepted));
    Eventually.until(WAIT, "pings flowing", () -> accepted.get() >= 10);

    long stopAt = System.nanoTime();
    CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> cluster.stop(0));
    Eventually.until(WAIT, "all probes linked to node 1", () -> regionsOn(1) == 3);
    long movedMs = (System.nanoTime() - stopAt) / 1_000_000;
    stopped.get();
    System.out.printf("probes on the other node %d ms after the shutdown began%n", movedMs); // for reading the run
    assertTrue(movedMs < 3_000, "the probes moved within a couple of seconds, not after a backoff: " + movedMs + " ms");

    Eventually.until(WAIT, "more pings after the move", () -> accepted.get() >= 10 + 30);
    pinging.set(false);
    workers.get();
    String countPings = "SELECT count(*) FROM pings WHERE monitor_id = ?::uuid AND body LIKE 'run %'";
    Eventually.until(WAIT, "every ping answered 200 is stored",
        () -> db.count(countPings, heartbeat.getString("id")) == accepted.get());
    Eventually.during(Duration.ofSeconds(1), "and none twice",
        () -> db.count(countPings, heartbeat.getString("id")) == accepted.get());
    assertEquals(0, db.count("SELECT count(*) - count(DISTINCT (region, observed_at)) FROM observations"),
        "no observation stored twice");
  }

  /** Pings the three probes in turn, like workers in three regions; counts the 200s. */
  private void pingUntilStopped(String pingPath, AtomicBoolean pinging, AtomicInteger accepted) {
    int i = 0;
    while (pinging.get()) {
      Pinger.Answer answer = probes.pinger(REGIONS.get(i % REGIONS.size())).post(pingPath, "run " + i);
      assertEquals(200, answer.status(), "a probe accepts pings while its coordinator goes away: " + answer.body());
      accepted.incrementAndGet();
      i++;
    }
  }

  private int regionsOn(int node) {
    try {
      return new Api(cluster.node(node).httpPort(), null).get("/health").json().getJsonArray("probe_regions_connected")
          .size();
    } catch (RuntimeException stopped) {
      return -1;
    }
  }
}
