package io.quorate.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PingBodyAndRateTest {
  @Test
  void bodyIsCutOnACharacterBoundary() {
    byte[] bytes = "ab€".getBytes(StandardCharsets.UTF_8); // € is three bytes
    assertEquals("ab€", PingBody.decode(bytes, bytes.length, 100));
    assertEquals("ab", PingBody.decode(bytes, bytes.length, 4));
    assertEquals("a", PingBody.decode(bytes, bytes.length, 1));
  }

  @Test
  void malformedBytesBecomeReplacementCharacters() {
    byte[] bytes = {'o', 'k', (byte) 0xFF};
    assertEquals("ok\uFFFD", PingBody.decode(bytes, bytes.length, 100));
  }

  @Test
  void rateLimitAllowsABurstThenRefills() {
    MutableClock clock = new MutableClock();
    PingRateLimiter limiter = new PingRateLimiter(10, 5, 100, clock);
    for (int i = 0; i < 5; i++) {
      assertTrue(limiter.tryAcquire("a"), "burst ping " + i);
    }
    assertFalse(limiter.tryAcquire("a"));
    assertTrue(limiter.tryAcquire("b"), "another target has its own budget");
    assertEquals(1, limiter.retryAfterSeconds("a"));
    clock.advance(Duration.ofMillis(100));
    assertTrue(limiter.tryAcquire("a"), "one token back after 100 ms at 10/s");
    assertFalse(limiter.tryAcquire("a"));
  }

  @Test
  void forgottenTargetsStartWithAFullBucket() {
    MutableClock clock = new MutableClock();
    PingRateLimiter limiter = new PingRateLimiter(1, 1, 2, clock);
    assertTrue(limiter.tryAcquire("a"));
    assertFalse(limiter.tryAcquire("a"));
    limiter.tryAcquire("b");
    limiter.tryAcquire("c"); // pushes out "a", the least recently used
    assertTrue(limiter.tryAcquire("a"));
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-24T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
