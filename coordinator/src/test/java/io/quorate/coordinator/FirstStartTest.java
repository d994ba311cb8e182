package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.config.CoordinatorConfig;
import io.quorate.coordinator.config.ProbeHealthLimits;
import io.quorate.coordinator.config.Secret;
import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.TestCluster;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator started with nothing configured, as a newcomer runs the jar: it starts its own
 * PostgreSQL under the data directory, generates the tokens and shows each once, and finds its monitors
 * and tokens again after a restart.
 */
class FirstStartTest {
  @TempDir
  Path dataDir;

  @Test
  void startsEmbeddedPostgresShowsGeneratedTokensOnceAndKeepsDataAcrossRestarts() {
    List<String> announced = new ArrayList<>();
    Map<String, Secret> tokens = new java.util.HashMap<>();
    Coordinator first = start((name, token) -> {
      announced.add(name);
      tokens.put(name, token);
    });
    String monitorId;
    try {
      assertEquals(List.of("admin token", "probe token"), announced.stream().sorted().toList());
      // Events are acknowledged to probes once committed: the commit must reach the disk first.
      assertTrue(readPostmasterOptions().contains("synchronous_commit=on"), readPostmasterOptions());
      Api api = new Api(first.httpPort(), tokens.get("admin token").reveal());
      monitorId = api.createMonitor(new JsonObject().put("name", "Survivor").put("type", "heartbeat").put("period", "1h"))
          .getString("id");
    } finally {
      first.close().await();
    }

    List<String> announcedAgain = new ArrayList<>();
    Coordinator second = start((name, token) -> announcedAgain.add(name));
    try {
      assertTrue(announcedAgain.isEmpty(), "tokens are generated once and never shown again: " + announcedAgain);
      Api api = new Api(second.httpPort(), tokens.get("admin token").reveal());
      Api.Response monitor = api.get("/api/v1/monitors/" + monitorId);
      assertEquals(200, monitor.status(), "the monitor survived the restart: " + monitor.body());
      assertEquals("Survivor", monitor.json().getString("name"));
      assertEquals(401, new Api(second.httpPort(), "anything-else").get("/api/v1/monitors").status());
    } finally {
      second.close().await();
    }
  }

  /** The command line the embedded PostgreSQL was started with. */
  private String readPostmasterOptions() {
    try {
      return java.nio.file.Files.readString(dataDir.resolve("pg").resolve("postmaster.opts"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Coordinator start(Coordinator.TokenAnnouncer announcer) {
    CoordinatorConfig config = new CoordinatorConfig("127.0.0.1", 0, 0, Optional.empty(), dataDir, "127.0.0.1",
        TestCluster.freePort(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        "solo", Duration.ofSeconds(1), 10, Duration.ofSeconds(1),
        ProbeHealthLimits.DEFAULTS);
    return Coordinator.start(config, Clock.systemUTC(), announcer).await();
  }
}
