package io.quorate.probe.check;

import static io.quorate.probe.support.Eventually.await;
import static io.quorate.probe.support.Probes.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.quorate.probe.ProbeNode;
import io.quorate.probe.support.Probes;
import io.quorate.probe.support.QueueEndpoint;
import io.quorate.probe.support.RawTarget;
import io.quorate.probe.support.RecordingCoordinator;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hostile targets must not delay the other checks: they wait on the network, never on the event loop. */
@ExtendWith(VertxExtension.class)
class IsolationTest {
  private static final int EACH = 20;
  private static final long NORMAL_INTERVAL_MS = 250;
  private static final long HANG_TIMEOUT_MS = 2000;

  @Test
  void normalChecksStartOnTimeNextToHangingOnes(Vertx vertx) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (RecordingCoordinator coordinator = RecordingCoordinator.start(vertx, "coordinator-a");
        QueueEndpoint queue = QueueEndpoint.start(vertx);
        RawTarget silent = RawTarget.hanging(vertx)) {
      AssignmentSnapshot.Builder work = AssignmentSnapshot.newBuilder();
      for (int i = 0; i < EACH; i++) {
        work.addChecks(check("hang-http-" + i, queue.url("/hang"), 500, HANG_TIMEOUT_MS));
        work.addChecks(check("hang-tcp-" + i, silent.url("/queue"), 500, HANG_TIMEOUT_MS));
        work.addChecks(check("normal-" + i, queue.url("/queues/healthy"), NORMAL_INTERVAL_MS, 1000,
            "[BODY].enqueued < 1000"));
      }
      coordinator.snapshot(work.build());
      ProbeNode probe = Probes.start(vertx, Probes.config("eu-west", coordinator.address()), Clock.systemUTC(),
          registry);
      try {
        await(() -> normal(coordinator).values().stream().filter(runs -> runs.size() >= 4).count() == EACH,
            () -> "every normal check ran 4 times: " + normal(coordinator).size() + " monitors seen");
        assertEquals(EACH, queue.maxConcurrentHangs(), "every hanging HTTP check was in flight at once");
        assertEquals(EACH, silent.connections(), "every silent TCP target held a connection");
        assertNormalRunsWereOnTime(normal(coordinator));
        Timer lateness = registry.get("quorate.probe.check.start.lateness").timer();
        double maxLateMs = lateness.max(TimeUnit.MILLISECONDS);
        assertTrue(maxLateMs < HANG_TIMEOUT_MS / 2, "no run started anywhere near the hang timeout late: max "
            + maxLateMs + " ms");
      } finally {
        probe.close().await();
      }
    }
  }

  private static Map<String, List<Observation>> normal(RecordingCoordinator coordinator) {
    return coordinator.events().stream().filter(Event::hasObservation).map(Event::getObservation)
        .filter(o -> o.getMonitorId().startsWith("normal-"))
        .collect(Collectors.groupingBy(Observation::getMonitorId));
  }

  private static void assertNormalRunsWereOnTime(Map<String, List<Observation>> runs) {
    for (List<Observation> observations : runs.values()) {
      for (int i = 0; i < observations.size(); i++) {
        Observation o = observations.get(i);
        assertEquals(Outcome.OUTCOME_UP, o.getOutcome(), o.getReason());
        if (i > 0) {
          long gap = o.getObservedAtMs() - observations.get(i - 1).getObservedAtMs();
          // A run held up by a hanging one would come HANG_TIMEOUT_MS late; half of that leaves room for a
          // loaded 2-core machine (650 ms was exceeded under parallel builds) and still tells the two apart.
          assertTrue(gap < NORMAL_INTERVAL_MS + HANG_TIMEOUT_MS / 2, o.getMonitorId() + " runs " + gap + " ms apart");
        }
      }
    }
  }
}
