package io.quorate.probe.check;

import static io.quorate.probe.support.Probes.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.quorate.probe.support.CheckRuns;
import io.quorate.probe.support.QueueEndpoint;
import io.quorate.probe.support.RawTarget;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Targets that misbehave on purpose: each run still ends in time, in the right bucket, with a clear reason. */
@ExtendWith(VertxExtension.class)
class HostileTargetsTest {
  private Vertx vertx;
  private QueueEndpoint queue;
  private CheckRuns runs;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    queue = QueueEndpoint.start(vertx);
    runs = CheckRuns.loopbackAllowed(vertx);
  }

  @AfterEach
  void tearDown() {
    runs.close();
    queue.close();
  }

  private Observation run(String url, long timeoutMs, String... conditions) {
    return runs.run(check("m", url, 1000, timeoutMs, conditions));
  }

  private static void assertDown(Observation o, FailureKind kind, String reason) {
    assertEquals(Outcome.OUTCOME_DOWN, o.getOutcome(), o.toString());
    assertEquals(reason, o.getReason());
    assertEquals(kind, o.getFailureKind(), o.getReason());
  }

  private Observation withRaw(Function<Vertx, RawTarget> kind, long timeoutMs) {
    try (RawTarget target = kind.apply(vertx)) {
      return run(target.url("/queue"), timeoutMs);
    }
  }

  @Test
  void aServerThatAcceptsButNeverAnswersTimesOutAtTheDeadline() {
    Observation o = withRaw(RawTarget::hanging, 500);
    assertDown(o, FailureKind.FAILURE_KIND_TIMEOUT, "timeout after 500 ms");
    assertTrue(o.getLatencyMs() >= 450 && o.getLatencyMs() < 1500, "latency " + o.getLatencyMs());
  }

  @Test
  void aSlowDripBodyCannotHoldTheRunPastItsDeadline() {
    Observation o = run(queue.url("/drip"), 600, "[BODY].enqueued < 1000");
    assertDown(o, FailureKind.FAILURE_KIND_TIMEOUT, "timeout after 600 ms");
    assertEquals(200, o.getStatusCode());
    assertTrue(o.getLatencyMs() >= 550 && o.getLatencyMs() < 1500, "latency " + o.getLatencyMs());
  }

  @Test
  void aBodyBeyondTheCapFailsWhetherDeclaredOrCounted() {
    assertDown(run(queue.url("/huge-declared"), 5000), FailureKind.FAILURE_KIND_BODY_TOO_LARGE,
        "body larger than 1 MiB (cap 1048576 bytes)");
    HttpCheck capped = check("m", queue.url("/huge"), 1000, 5000).toBuilder().setMaxBodyBytes(64 * 1024).build();
    assertDown(runs.run(capped), FailureKind.FAILURE_KIND_BODY_TOO_LARGE, "body larger than 64 KiB (cap 65536 bytes)");
    HttpCheck odd = check("m", queue.url("/bytes/1001"), 1000, 5000).toBuilder().setMaxBodyBytes(1000).build();
    assertDown(runs.run(odd), FailureKind.FAILURE_KIND_BODY_TOO_LARGE, "body larger than 1000 bytes");
    HttpCheck exact = check("m", queue.url("/bytes/1000"), 1000, 5000).toBuilder().setMaxBodyBytes(1000).build();
    assertEquals(Outcome.OUTCOME_UP, runs.run(exact).getOutcome(), "a body of exactly the cap is fine");
  }

  @Test
  void somethingThatIsNotHttpIsAMalformedResponse() {
    Observation o = withRaw(RawTarget::malformed, 2000);
    assertEquals(FailureKind.FAILURE_KIND_CONNECTION, o.getFailureKind(), o.getReason());
    assertTrue(o.getReason().startsWith("malformed HTTP response"), o.getReason());
  }

  @Test
  void aResetBeforeAnyAnswerCountsAsRefused() {
    Observation o = withRaw(RawTarget::resetting, 2000);
    assertEquals(FailureKind.FAILURE_KIND_CONNECTION_REFUSED, o.getFailureKind(), o.getReason());
    assertTrue(o.getReason().endsWith("by the target before it answered"), o.getReason());
  }

  @Test
  void aConnectionClosedWithoutAnswerCountsAsRefused() {
    assertDown(withRaw(RawTarget::closing, 2000), FailureKind.FAILURE_KIND_CONNECTION_REFUSED,
        "connection closed by the target before it answered");
  }

  @Test
  void aConnectionClosedMidResponseIsABrokenConnection() {
    Observation o = withRaw(RawTarget::truncating, 2000);
    assertDown(o, FailureKind.FAILURE_KIND_CONNECTION,
        "connection closed by the target before the response was complete");
    assertEquals(200, o.getStatusCode());
  }

  @Test
  void answersAreBucketedByStatus() {
    assertDown(run(queue.url("/status/401"), 2000), FailureKind.FAILURE_KIND_HTTP_CREDENTIALS,
        "[STATUS] (401) is not 2xx");
    assertDown(run(queue.url("/status/403"), 2000), FailureKind.FAILURE_KIND_HTTP_CREDENTIALS,
        "[STATUS] (403) is not 2xx");
    assertDown(run(queue.url("/status/500"), 2000), FailureKind.FAILURE_KIND_HTTP_5XX, "[STATUS] (500) is not 2xx");
    assertDown(run(queue.url("/status/404"), 2000), FailureKind.FAILURE_KIND_HTTP_STATUS, "[STATUS] (404) is not 2xx");
    Observation o = run(queue.url("/status/401"), 2000, "[BODY].enqueued < 1000");
    assertEquals(FailureKind.FAILURE_KIND_HTTP_CREDENTIALS, o.getFailureKind(), "a wrong token says more than "
        + "the condition it broke: " + o.getReason());
    assertEquals(401, o.getStatusCode());
    assertEquals(Outcome.OUTCOME_UP, run(queue.url("/status/503"), 2000, "[STATUS] == 503").getOutcome(),
        "conditions decide when there are any");
  }

  @Test
  void sendsMethodBodyAndHeadersAsConfigured() {
    HttpCheck post = check("m", queue.url("/echo"), 1000, 2000).toBuilder().setMethod("post")
        .setBody("{\"queue\":\"mail\"}").putHeaders("Content-Type", "application/json")
        .putHeaders("Authorization", "Basic dXNlcjpwYXNz").putHeaders("X-Quorate-Region", "spoofed").build();
    assertEquals(Outcome.OUTCOME_UP, runs.run(post).getOutcome());
    QueueEndpoint.Received received = queue.received("/echo").get(0);
    assertEquals("POST", received.method());
    assertEquals("{\"queue\":\"mail\"}", received.body());
    assertEquals("application/json", received.headers().get("Content-Type"));
    assertEquals("Basic dXNlcjpwYXNz", received.headers().get("Authorization"));
    assertEquals("quorate-probe/" + CheckRuns.VERSION, received.headers().get("User-Agent"));
    assertEquals(CheckRuns.REGION, received.headers().get("X-Quorate-Region"));
    assertEquals(1, received.headers().getAll("X-Quorate-Region").size());
  }
}
