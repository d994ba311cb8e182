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
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a run measures besides the outcome: the check's named series and the certificate's remaining time. */
@ExtendWith(VertxExtension.class)
class MeasurementsTest {

  @Test
  void keepsTheNamedSeriesOfTheCheck(Vertx vertx) {
    try (QueueEndpoint queue = QueueEndpoint.start(vertx); CheckRuns runs = CheckRuns.loopbackAllowed(vertx)) {
      HttpCheck depth = check("m", queue.url("/queues/backlog"), 1000, 2000).toBuilder()
          .putSeries("depth", "[BODY].enqueued").putSeries("oldest_job_age", "[BODY].oldest_age_s")
          .putSeries("missing", "[BODY].nope").build();
      Observation o = runs.run(depth);
      assertEquals(Outcome.OUTCOME_UP, o.getOutcome(), "series never fail a check: " + o.getReason());
      assertEquals(Map.of("depth", 5234.0, "oldest_job_age", 900.0), o.getSeriesMap());
    }
  }

  @Test
  void aMissingFieldIsReportedAsFieldMissingNotAsABreach(Vertx vertx) {
    try (QueueEndpoint queue = QueueEndpoint.start(vertx); CheckRuns runs = CheckRuns.loopbackAllowed(vertx)) {
      Observation o = runs.run(check("m", queue.url("/queues/healthy"), 1000, 2000, "[BODY].failed_jobs < 10"));
      assertEquals(Outcome.OUTCOME_DOWN, o.getOutcome());
      assertEquals("[BODY].failed_jobs: field missing", o.getReason());
      assertEquals(FailureKind.FAILURE_KIND_FIELD_MISSING, o.getFailureKind());
    }
  }

  @Test
  void conditionsCanReadTheCertificatesRemainingTime(Vertx vertx) {
    try (QueueEndpoint https = QueueEndpoint.startTls(vertx); CheckRuns runs = CheckRuns.loopbackAllowed(vertx)) {
      // A generous deadline: the first TLS handshake on a loaded 2-core machine can take seconds, and this test
      // is about what the run measures, not about how fast it is.
      HttpCheck check = check("m", https.url("localhost", "/queues/healthy"), 20_000, 15_000,
          "[CERTIFICATE_EXPIRATION] > 86400").toBuilder().setInsecureSkipTlsVerify(true).build();
      Observation o = runs.run(check);
      assertEquals(Outcome.OUTCOME_UP, o.getOutcome(), o.getReason());
      assertTrue(o.getValuesOrThrow("[CERTIFICATE_EXPIRATION]") > 86400, o.getValuesMap().toString());
    }
  }
}
