package io.quorate.coordinator.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.heartbeat.PingClassifier.Classified;
import io.quorate.coordinator.monitor.HeartbeatSpec;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.link.v1.PingKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PingClassifierTest {
  private static final HeartbeatSpec PLAIN = HeartbeatSpec.every(UUID.randomUUID(), Duration.ofMinutes(5), Duration.ZERO);
  private static final HeartbeatSpec WATCHDOG = new HeartbeatSpec(UUID.randomUUID(), PLAIN.schedule(), Optional.empty(),
      Duration.ZERO, Optional.empty(), List.of("[BODY].oldest_age_s < 600", "[BODY].failed == 0"), Optional.empty(),
      Optional.empty());

  private static HeartbeatPing ping(PingKind kind, String body) {
    return HeartbeatPing.newBuilder().setKind(kind).setBody(body).build();
  }

  @Test
  void anOldProbesPingWithoutKindIsASuccess() {
    assertEquals("success", PingClassifier.classify(HeartbeatPing.newBuilder().build(), PLAIN).kind());
  }

  @Test
  void exitStatusZeroIsSuccessAndAnyOtherAFailureNamingIt() {
    assertEquals("success", PingClassifier.classify(HeartbeatPing.newBuilder().setExitStatus(0).build(), PLAIN).kind());
    Classified failed = PingClassifier.classify(HeartbeatPing.newBuilder().setExitStatus(3)
        .setBody("\n  pg_dump: connection refused\nretrying\n").build(), PLAIN);
    assertEquals("fail", failed.kind());
    assertEquals("exit status 3: pg_dump: connection refused", failed.failure());
  }

  @Test
  void aFailPingsReasonIsTheFirstLineOfItsBody() {
    assertEquals("template field missing: customer.name",
        PingClassifier.classify(ping(PingKind.PING_KIND_FAIL, "template field missing: customer.name\n  at render"), PLAIN)
            .failure());
    assertEquals("fail ping", PingClassifier.classify(ping(PingKind.PING_KIND_FAIL, ""), PLAIN).failure());
  }

  @Test
  void startAndLogPingsAreNeitherSuccessNorFailure() {
    Classified start = PingClassifier.classify(ping(PingKind.PING_KIND_START, ""), WATCHDOG);
    assertFalse(start.completion());
    assertFalse(start.failed());
    assertEquals("log", PingClassifier.classify(ping(PingKind.PING_KIND_LOG, "{}"), WATCHDOG).kind());
  }

  @Test
  void aSuccessWhoseBodyBreaksAConditionCountsAsAFailureWithTheLine() {
    Classified ok = PingClassifier.classify(ping(PingKind.PING_KIND_SUCCESS, "{\"oldest_age_s\": 31, \"failed\": 0}"), WATCHDOG);
    assertFalse(ok.failed());
    assertEquals(2, ok.conditions().size());
    Classified stuck = PingClassifier.classify(ping(PingKind.PING_KIND_SUCCESS, "{\"oldest_age_s\": 900, \"failed\": 0}"),
        WATCHDOG);
    assertTrue(stuck.failed());
    assertEquals("success", stuck.kind());
    assertTrue(stuck.failure().contains("[BODY].oldest_age_s (900) < 600"), stuck.failure());
  }

  @Test
  void aBodyThatIsNotJsonBreaksTheConditionsInsteadOfPassing() {
    Classified broken = PingClassifier.classify(ping(PingKind.PING_KIND_SUCCESS, "done"), WATCHDOG);
    assertTrue(broken.failed(), broken.failure());
  }
}
