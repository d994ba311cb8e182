package io.quorate.probe.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15), new Random(42));

  @ParameterizedTest(name = "attempt {0} waits {1}..{2} ms")
  @CsvSource({"0, 250, 500", "1, 500, 1000", "2, 1000, 2000", "4, 4000, 8000", "5, 7500, 15000",
      "20, 7500, 15000", "1000, 7500, 15000"})
  void doublesPerAttemptWithJitterUpToTheMaximum(int attempt, long atLeast, long atMost) {
    for (int i = 0; i < 200; i++) {
      long delay = backoff.delayMs(attempt);
      assertTrue(delay >= atLeast && delay <= atMost, attempt + " -> " + delay);
    }
  }
}
