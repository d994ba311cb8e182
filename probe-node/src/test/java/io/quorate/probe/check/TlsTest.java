package io.quorate.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.quorate.probe.support.CheckRuns;
import io.quorate.probe.support.Probes;
import io.quorate.probe.support.QueueEndpoint;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A target with a self-signed certificate, generated for the test. */
@ExtendWith(VertxExtension.class)
class TlsTest {
  private QueueEndpoint https;
  private CheckRuns runs;

  @BeforeEach
  void setUp(Vertx vertx) {
    https = QueueEndpoint.startTls(vertx);
    runs = CheckRuns.loopbackAllowed(vertx);
  }

  @AfterEach
  void tearDown() {
    runs.close();
    https.close();
  }

  private HttpCheck check(boolean skipVerify) {
    return Probes.check("tls", https.url("localhost", "/queues/healthy"), 1000, 3000,
        "[BODY].enqueued < 1000").toBuilder().setInsecureSkipTlsVerify(skipVerify).build();
  }

  @Test
  void anUntrustedCertificateIsATlsFailureByDefault() {
    Observation o = runs.run(check(false));
    assertEquals(Outcome.OUTCOME_DOWN, o.getOutcome());
    assertEquals(FailureKind.FAILURE_KIND_TLS, o.getFailureKind());
    assertTrue(o.getReason().startsWith("TLS: "), o.getReason());
    assertEquals(0, o.getStatusCode());
  }

  @Test
  void skippingVerificationAcceptsItAndStillReportsItsExpiry() {
    long now = System.currentTimeMillis();
    Observation o = runs.run(check(true));
    assertEquals(Outcome.OUTCOME_UP, o.getOutcome(), o.getReason());
    assertEquals(200, o.getStatusCode());
    assertTrue(o.getCertExpiresAtMs() > now, "expiry " + o.getCertExpiresAtMs());
    assertEquals(Outcome.OUTCOME_DOWN, runs.run(check(false)).getOutcome(), "the verifying client is unchanged");
  }
}
