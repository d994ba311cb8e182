package io.quorate.probe.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.quorate.probe.support.MutableClock;
import org.junit.jupiter.api.Test;

class ConnectivityWatchTest {
  private final MutableClock clock = new MutableClock(1_000_000);

  @Test
  void everyHostUnreachableMeansTheProbeIsCutOff() {
    ConnectivityWatch watch = new ConnectivityWatch(clock, false);
    watch.record("a.example", down(FailureKind.FAILURE_KIND_TIMEOUT));
    watch.record("b.example", down(FailureKind.FAILURE_KIND_DNS));
    watch.record("c.example", down(FailureKind.FAILURE_KIND_CONNECTION_REFUSED));
    ConnectivityWatch.Verdict verdict = watch.verdict();
    assertFalse(verdict.ok());
    assertEquals("every target unreachable from this probe: 3 of 3 hosts in the last 2 min"
        + " (DNS, connection refused, timeout)", verdict.detail());
  }

  @Test
  void oneReachableHostOrTooFewHostsIsNotEnoughToBlameTheProbe() {
    ConnectivityWatch fewHosts = new ConnectivityWatch(clock, false);
    fewHosts.record("a.example", down(FailureKind.FAILURE_KIND_TIMEOUT));
    fewHosts.record("b.example", down(FailureKind.FAILURE_KIND_TIMEOUT));
    assertTrue(fewHosts.verdict().ok(), "two hosts down may just be two targets down");

    ConnectivityWatch oneAnswers = new ConnectivityWatch(clock, false);
    oneAnswers.record("a.example", down(FailureKind.FAILURE_KIND_TIMEOUT));
    oneAnswers.record("b.example", down(FailureKind.FAILURE_KIND_TIMEOUT));
    oneAnswers.record("c.example", down(FailureKind.FAILURE_KIND_HTTP_5XX));
    assertTrue(oneAnswers.verdict().ok(), "a 5xx is an answer: the network works");
  }

  @Test
  void resultsOlderThanTheWindowAreForgotten() {
    ConnectivityWatch watch = new ConnectivityWatch(clock, false);
    watch.record("a.example", down(FailureKind.FAILURE_KIND_TIMEOUT));
    watch.record("b.example", down(FailureKind.FAILURE_KIND_TIMEOUT));
    watch.record("c.example", Observation.newBuilder().setOutcome(Outcome.OUTCOME_UP).build());
    clock.set(clock.millis() + ConnectivityWatch.WINDOW_MS + 1);
    watch.record("d.example", down(FailureKind.FAILURE_KIND_TLS));
    watch.record("e.example", down(FailureKind.FAILURE_KIND_TLS));
    watch.record("f.example", down(FailureKind.FAILURE_KIND_TLS));
    assertFalse(watch.verdict().ok(), "the old success of c.example no longer counts");
  }

  @Test
  void configuredCanariesDecideAlone() {
    ConnectivityWatch watch = new ConnectivityWatch(clock, true);
    watch.record("a.example", down(FailureKind.FAILURE_KIND_TIMEOUT));
    watch.record("b.example", down(FailureKind.FAILURE_KIND_TIMEOUT));
    watch.record("c.example", down(FailureKind.FAILURE_KIND_TIMEOUT));
    assertTrue(watch.verdict().ok(), "no canary round has failed yet");
    watch.canaryRound(false, "https://canary.example: timeout");
    assertEquals(new ConnectivityWatch.Verdict(false, "connectivity check failed: https://canary.example: timeout"),
        watch.verdict());
    watch.canaryRound(true, "");
    assertTrue(watch.verdict().ok());
  }

  private static Observation down(FailureKind kind) {
    return Observation.newBuilder().setOutcome(Outcome.OUTCOME_DOWN).setFailureKind(kind).build();
  }
}
