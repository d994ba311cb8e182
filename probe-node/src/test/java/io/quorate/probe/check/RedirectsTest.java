package io.quorate.probe.check;

import static io.quorate.probe.support.Probes.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.quorate.probe.support.CheckRuns;
import io.quorate.probe.support.QueueEndpoint;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Redirects followed by hand: counted, each hop checked for safety, all within the one deadline. */
@ExtendWith(VertxExtension.class)
class RedirectsTest {
  private QueueEndpoint queue;
  private CheckRuns runs;

  @BeforeEach
  void setUp(Vertx vertx) {
    queue = QueueEndpoint.start(vertx);
    runs = CheckRuns.loopbackAllowed(vertx);
  }

  @AfterEach
  void tearDown() {
    runs.close();
    queue.close();
  }

  private Observation run(String path, int maxRedirects, long timeoutMs) {
    return runs.run(check("m", queue.url(path), 1000, timeoutMs).toBuilder().setMaxRedirects(maxRedirects).build());
  }

  private String redirect(int status, String to) {
    return "/redirect/" + status + "?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
  }

  @Test
  void followsUpToTheLimitAndNoFurther() {
    Observation within = run("/chain/5", 5, 2000);
    assertEquals(Outcome.OUTCOME_UP, within.getOutcome(), within.getReason());
    assertEquals(200, within.getStatusCode());

    Observation beyond = run("/chain/6", 5, 2000);
    assertEquals(Outcome.OUTCOME_DOWN, beyond.getOutcome());
    assertEquals("more than 5 redirects (last: " + queue.url("/chain/0") + ")", beyond.getReason());
    assertEquals(FailureKind.FAILURE_KIND_TARGET_REFUSED, beyond.getFailureKind());
    assertEquals(1, queue.received("/chain/0").size(), "only the first run reached the end of the chain");
  }

  @Test
  void withoutRedirectsAllowedThe3xxIsJudgedAsIs() {
    Observation o = run("/chain/1", 0, 2000);
    assertEquals("[STATUS] (302) is not 2xx", o.getReason());
    assertEquals(FailureKind.FAILURE_KIND_HTTP_STATUS, o.getFailureKind());
    assertEquals(302, o.getStatusCode());
    assertTrue(queue.received("/chain/0").isEmpty(), "not followed");
  }

  @Test
  void aLoopIsRefused() {
    Observation o = run("/loop", 10, 2000);
    assertEquals("redirect loop (back to " + queue.url("/loop") + ")", o.getReason());
    assertEquals(FailureKind.FAILURE_KIND_TARGET_REFUSED, o.getFailureKind());
    assertEquals(1, queue.received("/loop").size());
  }

  @Test
  void aRedirectToTheCloudMetadataServiceIsRefusedWithoutConnecting() {
    Observation o = run(redirect(302, "http://169.254.169.254/latest/meta-data/"), 5, 2000);
    assertEquals("target refused: 169.254.169.254 is link-local (cloud metadata); allow it with --allow-targets "
        + "on this probe", o.getReason());
    assertEquals(FailureKind.FAILURE_KIND_TARGET_REFUSED, o.getFailureKind());
    assertTrue(o.getLatencyMs() < 1000, "refused at once, latency " + o.getLatencyMs());
  }

  @Test
  void aRedirectToAPrivateAddressIsRefused() {
    Observation o = run(redirect(307, "http://10.0.0.1:8080/internal"), 5, 2000);
    assertEquals("target refused: 10.0.0.1 is private (10.0.0.0/8); allow it with --allow-targets on this probe",
        o.getReason());
  }

  @Test
  void aRedirectToAnotherSchemeIsRefused() {
    Observation o = run(redirect(302, "file:///etc/passwd"), 5, 2000);
    assertEquals("redirect refused: the Location is only http and https are supported, not file", o.getReason());
    assertEquals(FailureKind.FAILURE_KIND_TARGET_REFUSED, o.getFailureKind());
  }

  @Test
  void a307RepeatsMethodAndBodyAndA303BecomesAGet() {
    HttpCheck post = check("m", queue.url(redirect(307, "/echo")), 1000, 2000).toBuilder().setMethod("POST")
        .setBody("payload").setMaxRedirects(3).putHeaders("Authorization", "Bearer same-host-token").build();
    assertEquals(Outcome.OUTCOME_UP, runs.run(post).getOutcome());
    QueueEndpoint.Received repeated = queue.received("/echo").get(0);
    assertEquals("POST", repeated.method());
    assertEquals("payload", repeated.body());
    assertEquals("Bearer same-host-token", repeated.headers().get("Authorization"), "same server keeps credentials");

    runs.run(post.toBuilder().setUrl(queue.url(redirect(303, "/echo"))).build());
    QueueEndpoint.Received switched = queue.received("/echo").get(1);
    assertEquals("GET", switched.method());
    assertEquals("", switched.body());
  }

  @Test
  void credentialsDoNotFollowToAnotherHost() {
    String otherHost = queue.url("localhost", "/echo");
    HttpCheck check = check("m", queue.url(redirect(302, otherHost)), 1000, 2000).toBuilder().setMaxRedirects(1)
        .putHeaders("Authorization", "Bearer for-127-only").putHeaders("Cookie", "session=1")
        .putHeaders("X-Team", "queues").build();
    assertEquals(Outcome.OUTCOME_UP, runs.run(check).getOutcome());
    QueueEndpoint.Received received = queue.received("/echo").get(0);
    assertNull(received.headers().get("Authorization"));
    assertNull(received.headers().get("Cookie"));
    assertEquals("queues", received.headers().get("X-Team"));
    assertEquals(CheckRuns.REGION, received.headers().get("X-Quorate-Region"));
    assertEquals("localhost:" + queue.port(), received.headers().get("Host"));
  }

  @Test
  void theDeadlineCoversTheWholeChain() {
    Observation o = run(redirect(302, "/hang"), 5, 500);
    assertEquals("timeout after 500 ms", o.getReason());
    assertEquals(FailureKind.FAILURE_KIND_TIMEOUT, o.getFailureKind());
    assertTrue(o.getLatencyMs() >= 450 && o.getLatencyMs() < 1500, "latency " + o.getLatencyMs());
  }
}
