package io.quorate.probe.check;

import static io.quorate.probe.support.Eventually.await;
import static io.quorate.probe.support.Probes.check;
import static io.quorate.probe.support.Probes.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.link.v1.AssignmentChange;
import io.quorate.link.v1.ConditionResult;
import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.quorate.probe.ProbeConfig;
import io.quorate.probe.ProbeNode;
import io.quorate.probe.support.Probes;
import io.quorate.probe.support.QueueEndpoint;
import io.quorate.probe.support.RecordingCoordinator;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HttpCheckTest {
  /** A year ahead of the wall clock: observation times must come from the injected clock. */
  private static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.ofDays(365));

  private Vertx vertx;
  private RecordingCoordinator coordinator;
  private QueueEndpoint queue;
  private ProbeNode probe;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
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

  private void startProbe() {
    ProbeConfig config = Probes.config("eu-west", coordinator.address()).withVersion("9.9.9");
    probe = Probes.start(vertx, config, CLOCK, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  private List<Observation> observations(String monitorId) {
    return coordinator.events().stream().filter(Event::hasObservation).map(Event::getObservation)
        .filter(o -> o.getMonitorId().equals(monitorId)).toList();
  }

  private Observation firstObservation(String monitorId) {
    await(() -> !observations(monitorId).isEmpty(), () -> "an observation of " + monitorId);
    return observations(monitorId).get(0);
  }

  @Test
  void reportsUpWithValuesWhenTheQueueIsBelowTheLimit() {
    coordinator.snapshot(snapshot(check("healthy", queue.url("/queues/healthy"), 200, 2000,
        "[STATUS] == 200", "[BODY].enqueued < 1000")));
    long before = CLOCK.millis();
    startProbe();
    Observation o = firstObservation("healthy");
    assertEquals(Outcome.OUTCOME_UP, o.getOutcome());
    assertEquals("", o.getReason());
    assertEquals(FailureKind.FAILURE_KIND_UNSPECIFIED, o.getFailureKind());
    assertEquals(200, o.getStatusCode());
    assertEquals(0, o.getCertExpiresAtMs(), "no certificate over plain HTTP");
    assertEquals("eu-west", o.getRegion());
    assertEquals(1, o.getMonitorVersion());
    assertEquals(Map.of("[STATUS]", 200.0, "[BODY].enqueued", 12.0), o.getValuesMap());
    assertEquals(List.of("[STATUS] (200) == 200 — passed", "[BODY].enqueued (12) < 1000 — passed"),
        o.getConditionsList().stream().map(ConditionResult::getLine).toList());
    assertTrue(o.getObservedAtMs() >= before, "observed_at_ms comes from the injected clock");
  }

  @Test
  void reportsDownWithReasonWhenFieldExceedsLimit() {
    coordinator.snapshot(snapshot(check("backlog", queue.url("/queues/backlog"), 200, 2000,
        "[STATUS] == 200", "[BODY].enqueued < 1000", "[BODY].oldest_age_s < 600")));
    startProbe();
    Observation o = firstObservation("backlog");
    assertEquals(Outcome.OUTCOME_DOWN, o.getOutcome());
    assertEquals("[BODY].enqueued (5234) < 1000 — failed; [BODY].oldest_age_s (900) < 600 — failed", o.getReason());
    assertEquals(FailureKind.FAILURE_KIND_CONDITION_BREACHED, o.getFailureKind());
    assertEquals(5234.0, o.getValuesOrThrow("[BODY].enqueued"));
    assertEquals(List.of(true, false, false), o.getConditionsList().stream().map(ConditionResult::getSuccess).toList());
  }

  @Test
  void sendsUserAgentRegionAndTheChecksOwnHeaders() {
    coordinator.snapshot(snapshot(check("healthy", queue.url("/queues/healthy"), 200, 2000).toBuilder()
        .putHeaders("Authorization", "Bearer queue-token").putHeaders("User-Agent", "spoofed").build()));
    startProbe();
    firstObservation("healthy");
    MultiMap headers = queue.requests("/queues/healthy").get(0);
    assertEquals("quorate-probe/9.9.9", headers.get("User-Agent"));
    assertEquals(1, headers.getAll("User-Agent").size());
    assertEquals("eu-west", headers.get("X-Quorate-Region"));
    assertEquals("Bearer queue-token", headers.get("Authorization"));
  }

  @Test
  void withoutConditionsA2xxPassesAndAnythingElseFails() {
    coordinator.snapshot(snapshot(check("plain", queue.url("/queues/healthy"), 200, 2000),
        check("unavailable", queue.url("/status/503"), 200, 2000)));
    startProbe();
    assertEquals(Outcome.OUTCOME_UP, firstObservation("plain").getOutcome());
    Observation down = firstObservation("unavailable");
    assertEquals(Outcome.OUTCOME_DOWN, down.getOutcome());
    assertEquals("[STATUS] (503) is not 2xx", down.getReason());
    assertEquals(FailureKind.FAILURE_KIND_HTTP_5XX, down.getFailureKind());
    assertEquals(503, down.getStatusCode());
  }

  @Test
  void aHangingTargetIsDownWithinItsTimeoutWhileAnotherCheckKeepsItsSchedule() {
    coordinator.snapshot(snapshot(check("hanging", queue.url("/hang"), 300, 500),
        check("healthy", queue.url("/queues/healthy"), 200, 2000)));
    startProbe();
    Observation hanging = firstObservation("hanging");
    assertEquals(Outcome.OUTCOME_DOWN, hanging.getOutcome());
    assertEquals("timeout after 500 ms", hanging.getReason());
    assertEquals(FailureKind.FAILURE_KIND_TIMEOUT, hanging.getFailureKind());
    assertTrue(hanging.getLatencyMs() >= 450 && hanging.getLatencyMs() < 1500, "latency " + hanging.getLatencyMs());

    await(() -> observations("healthy").size() >= 8, () -> "the healthy check kept running");
    List<Observation> healthy = observations("healthy");
    for (int i = 1; i < healthy.size(); i++) {
      long gap = healthy.get(i).getObservedAtMs() - healthy.get(i - 1).getObservedAtMs();
      assertTrue(gap >= 50 && gap < 400, "healthy checks " + gap + " ms apart, interval 200 ms");
    }
    assertEquals(1, queue.maxConcurrentHangs(), "never two runs of one monitor at once");
  }

  @Test
  void neverRunsMoreChecksAtOnceThanTheLimit() {
    coordinator.snapshot(snapshot(check("slow-a", queue.url("/slow"), 200, 2000),
        check("slow-b", queue.url("/slow"), 200, 2000), check("slow-c", queue.url("/slow"), 200, 2000)));
    probe = Probes.start(vertx, Probes.config("eu-west", coordinator.address()).withMaxConcurrentChecks(1));
    await(() -> observations("slow-a").size() >= 2 && observations("slow-b").size() >= 2
        && observations("slow-c").size() >= 2, () -> "every check had its turn");
    assertEquals(1, queue.maxConcurrentSlow());
  }

  @Test
  void aSlowDripBodyIsCutAtTheDeadline() {
    coordinator.snapshot(snapshot(check("drip", queue.url("/drip"), 1000, 600, "[BODY].enqueued < 1000")));
    startProbe();
    Observation o = firstObservation("drip");
    assertEquals(Outcome.OUTCOME_DOWN, o.getOutcome());
    assertEquals("timeout after 600 ms", o.getReason());
    assertEquals(FailureKind.FAILURE_KIND_TIMEOUT, o.getFailureKind());
    assertEquals(200, o.getStatusCode(), "the head had arrived");
    assertTrue(o.getLatencyMs() >= 550 && o.getLatencyMs() < 1500, "latency " + o.getLatencyMs());
  }

  @Test
  void anOversizedBodyFailsClearly() {
    coordinator.snapshot(snapshot(check("huge", queue.url("/huge"), 1000, 5000),
        check("declared", queue.url("/huge-declared"), 1000, 5000)));
    startProbe();
    assertEquals("body larger than 1 MiB (cap 1048576 bytes)", firstObservation("huge").getReason());
    assertEquals("body larger than 1 MiB (cap 1048576 bytes)", firstObservation("declared").getReason());
    assertEquals(Outcome.OUTCOME_DOWN, firstObservation("huge").getOutcome());
    assertEquals(FailureKind.FAILURE_KIND_BODY_TOO_LARGE, firstObservation("huge").getFailureKind());
    assertEquals(FailureKind.FAILURE_KIND_BODY_TOO_LARGE, firstObservation("declared").getFailureKind());
  }

  @Test
  void anUnreachableTargetIsDownWithConnectionRefused() {
    QueueEndpoint gone = QueueEndpoint.start(vertx);
    String url = gone.url("/queues/healthy");
    gone.close();
    coordinator.snapshot(snapshot(check("gone", url, 1000, 1000)));
    startProbe();
    Observation o = firstObservation("gone");
    assertEquals(Outcome.OUTCOME_DOWN, o.getOutcome());
    assertEquals("connection refused", o.getReason());
    assertEquals(FailureKind.FAILURE_KIND_CONNECTION_REFUSED, o.getFailureKind());
    assertEquals(0, o.getStatusCode());
  }

  @Test
  void anUntrustedCertificateIsDownWithATlsReason() {
    HttpServer https = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
            .setKeyCertOptions(SelfSignedCertificate.create("localhost").keyCertOptions()))
        .requestHandler(request -> request.response().end("{}")).listen().await();
    try {
      coordinator.snapshot(snapshot(check("tls", "https://localhost:" + https.actualPort() + "/", 1000, 2000)));
      startProbe();
      Observation o = firstObservation("tls");
      assertEquals(Outcome.OUTCOME_DOWN, o.getOutcome());
      assertTrue(o.getReason().startsWith("TLS: "), o.getReason());
      assertEquals(FailureKind.FAILURE_KIND_TLS, o.getFailureKind());
    } finally {
      https.close().await();
    }
  }

  @Test
  void aProbeWithoutAnAllowanceRefusesLoopbackTargets() {
    coordinator.snapshot(snapshot(check("internal", queue.url("/queues/healthy"), 1000, 2000)));
    probe = Probes.start(vertx, ProbeConfig.forRegion("eu-west", List.of(coordinator.address()), Probes.TOKEN));
    Observation o = firstObservation("internal");
    assertEquals(Outcome.OUTCOME_DOWN, o.getOutcome());
    assertEquals(FailureKind.FAILURE_KIND_TARGET_REFUSED, o.getFailureKind());
    assertEquals("target refused: 127.0.0.1 is loopback; allow it with --allow-targets on this probe", o.getReason());
    assertTrue(queue.requests("/queues/healthy").isEmpty(), "nothing reached the target");
  }

  @Test
  void assignmentChangesTakeEffectImmediately() {
    coordinator.snapshot(snapshot(check("first", queue.url("/queues/healthy"), 200, 2000)));
    startProbe();
    firstObservation("first");
    coordinator.send(CoordinatorMessage.newBuilder().setChange(AssignmentChange.newBuilder()
        .addUpsertedChecks(check("second", queue.url("/queues/backlog"), 200, 2000, "[BODY].enqueued < 1000"))
        .addRemovedMonitorIds("first")).build());
    firstObservation("second");
    int firstCount = observations("first").size();
    await(() -> observations("second").size() >= 4, () -> "the new check runs");
    assertTrue(observations("first").size() <= firstCount + 1, "the removed check stopped");

    coordinator.send(CoordinatorMessage.newBuilder().setChange(AssignmentChange.newBuilder()
        .addUpsertedChecks(check("second", queue.url("/queues/healthy"), 200, 2000, "[BODY].enqueued < 1000")
            .toBuilder().setVersion(2))).build());
    await(() -> observations("second").stream().anyMatch(o -> o.getMonitorVersion() == 2
        && o.getOutcome() == Outcome.OUTCOME_UP), () -> "the changed check runs with version 2");
  }
}
