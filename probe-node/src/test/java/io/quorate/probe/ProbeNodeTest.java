package io.quorate.probe;

import static io.quorate.probe.support.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.probe.support.Probes;
import io.quorate.probe.support.RecordingCoordinator;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ProbeNodeTest {

  @Test
  void severalNodesRunInOneJvmEachWithItsOwnVertx() {
    Vertx serverVertx = Vertx.vertx();
    Vertx first = Vertx.vertx();
    Vertx second = Vertx.vertx();
    try (RecordingCoordinator coordinator = RecordingCoordinator.start(serverVertx, "coordinator-a")) {
      ProbeNode eu = Probes.start(first, Probes.config("eu-west", coordinator.address()));
      ProbeNode us = Probes.start(second, Probes.config("us-east", coordinator.address()));
      await(() -> eu.linkConnected() && us.linkConnected(), () -> "both connected");
      assertNotEquals(eu.httpPort(), us.httpPort());
      assertEquals(2, coordinator.hellos().size());
      eu.close().await();
      assertTrue(us.linkConnected(), "closing one node leaves the other alone");
      assertEquals(eu.close(), eu.close(), "close is idempotent");
      us.close().await();
    } finally {
      first.close().await();
      second.close().await();
      serverVertx.close().await();
    }
  }

  @Test
  void failsToStartWhenItsPortIsTakenAndLeavesNoSeriesBehind() {
    Vertx vertx = Vertx.vertx();
    try {
      ProbeNode running = Probes.start(vertx, Probes.config("eu-west", "127.0.0.1:1"));
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      ProbeConfig samePort = Probes.config("eu-west", "127.0.0.1:1").withHttpPort(running.httpPort());
      assertThrows(Exception.class,
          () -> ProbeNode.start(vertx, samePort, Clock.systemUTC(), registry).await());
      await(() -> registry.getMeters().isEmpty(), () -> "no quorate series left: " + registry.getMeters());
      running.close().await();
    } finally {
      vertx.close().await();
    }
  }
}
