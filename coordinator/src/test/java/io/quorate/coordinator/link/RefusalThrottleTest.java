package io.quorate.coordinator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefusalThrottleTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
  private final RefusalThrottle throttle = new RefusalThrottle();

  @Test
  void aSourceIsRecordedOnceEveryQuietPeriod() {
    assertTrue(throttle.shouldRecord("10.0.0.9 unknown_token us-west -", T0));
    assertFalse(throttle.shouldRecord("10.0.0.9 unknown_token us-west -", T0.plusSeconds(1)));
    assertFalse(throttle.shouldRecord("10.0.0.9 unknown_token us-west -", T0.plus(RefusalThrottle.QUIET).minusMillis(1)));
    assertTrue(throttle.shouldRecord("10.0.0.9 unknown_token us-west -", T0.plus(RefusalThrottle.QUIET)));
  }

  @Test
  void anotherCauseFromTheSameHostIsRecordedAtOnce() {
    assertTrue(throttle.shouldRecord("10.0.0.9 unknown_token us-west -", T0));
    assertTrue(throttle.shouldRecord("10.0.0.9 unknown_token eu-west -", T0));
    assertTrue(throttle.shouldRecord("10.0.0.9 revoked_token us-west 7f", T0));
    assertTrue(throttle.shouldRecord("10.0.0.10 unknown_token us-west -", T0));
  }

  @Test
  void aFloodFromManySourcesKeepsMemoryBoundedAndStillRecordsNewOnes() {
    long recorded = IntStream.range(0, RefusalThrottle.MAX_SOURCES * 3)
        .filter(i -> throttle.shouldRecord("10.1." + i + " unknown_token - -", T0)).count();
    assertEquals(RefusalThrottle.MAX_SOURCES * 3, recorded, "every new source is recorded once");
    assertTrue(throttle.remembered() <= RefusalThrottle.MAX_SOURCES, throttle.remembered() + " sources remembered");
    assertTrue(throttle.shouldRecord("10.2.0.1 unknown_token - -", T0.plusSeconds(1)));
  }
}
