package io.quorate.probe.web;

import static io.quorate.probe.support.Eventually.await;
import static io.quorate.probe.support.Probes.check;
import static io.quorate.probe.support.Probes.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.link.v1.Event;
import io.quorate.probe.ProbeNode;
import io.quorate.probe.support.Probes;
import io.quorate.probe.support.QueueEndpoint;
import io.quorate.probe.support.RecordingCoordinator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HealthAndMetricsTest {
  private Vertx vertx;
  private RecordingCoordinator coordinator;
  private QueueEndpoint queue;
  private ProbeNode probe;
  private WebClient http;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    http = WebClient.create(vertx);
    coordinator = RecordingCoordinator.start(vertx, "coordinator-a");
    queue = QueueEndpoint.start(vertx);
  }

  @AfterEach
  void tearDown() {
    if (probe != null) {
      probe.close().await();
    }
    coordinator.close();
    queue.close();
  }

  private HttpResponse<Buffer> get(String path) {
    return http.get(probe.httpPort(), "127.0.0.1", path).send().await();
  }

  @Test
  void healthSaysUpAndWhetherTheLinkIsConnected() {
    probe = Probes.start(vertx, Probes.config("ap-south", coordinator.address()).withNodeId("ap-south-1"));
    await(() -> probe.linkConnected(), () -> "probe connected");
    HttpResponse<Buffer> response = get("/health");
    assertEquals(200, response.statusCode());
    JsonObject health = response.bodyAsJsonObject();
    assertEquals("up", health.getString("status"));
    assertEquals("ap-south", health.getString("region"));
    assertEquals("ap-south-1", health.getString("node_id"));
    assertEquals("connected", health.getString("link"));
    assertEquals(coordinator.address(), health.getString("coordinator"));

    coordinator.close();
    await(() -> !probe.linkConnected(), () -> "probe noticed the coordinator is gone");
    HttpResponse<Buffer> disconnected = get("/health");
    assertEquals(200, disconnected.statusCode(), "a probe without its coordinator is still up");
    assertEquals("disconnected", disconnected.bodyAsJsonObject().getString("link"));
  }

  @Test
  void metricsExposeTheProbeSeriesInPrometheusFormat() {
    coordinator.snapshot(snapshot(check("healthy", queue.url("/queues/healthy"), 200, 2000),
        check("backlog", queue.url("/queues/backlog"), 200, 2000, "[BODY].enqueued < 1000")));
    probe = Probes.start(vertx, Probes.config("ap-south", coordinator.address()), Clock.systemUTC(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    await(() -> coordinator.events().stream().filter(Event::hasObservation).count() >= 4, () -> "some observations");
    assertEquals(404, get("/ping/unknown").statusCode());

    HttpResponse<Buffer> response = get("/metrics");
    assertEquals(200, response.statusCode());
    assertTrue(response.getHeader("content-type").startsWith("text/plain"), response.getHeader("content-type"));
    String text = response.bodyAsString();
    for (String series : new String[] {
        "quorate_probe_checks_total{outcome=\"up\"}", "quorate_probe_checks_total{outcome=\"down\"}",
        "quorate_probe_check_latency_seconds_count", "quorate_probe_check_start_lateness_seconds_count",
        "quorate_probe_check_start_lateness_seconds{quantile=\"0.5\"}",
        "quorate_probe_check_start_lateness_seconds{quantile=\"0.99\"}",
        "quorate_probe_link_connected 1", "quorate_probe_link_reconnects_total", "quorate_probe_outbox_events",
        "quorate_probe_outbox_dropped_total", "quorate_probe_pings_total{result=\"unknown\"} 1",
        "quorate_probe_spool_bytes", "quorate_probe_spool_max_bytes 1.073741824E9",
        "quorate_probe_spool_commit_seconds{quantile=\"0.99\"}", "quorate_probe_spool_commit_events{quantile=\"0.5\"}"}) {
      assertTrue(text.contains(series), series + " in\n" + text);
    }
  }
}
