package io.quorate.probe.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling until a deadline, instead of sleeping for a guessed time. */
public final class Eventually {
  private Eventually() {
  }

  public static void await(Duration timeout, BooleanSupplier condition, Supplier<String> whatWasExpected) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + timeout.toMillis() + " ms: " + whatWasExpected.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for: " + whatWasExpected.get());
      }
    }
  }

  public static void await(BooleanSupplier condition, Supplier<String> whatWasExpected) {
    await(Duration.ofSeconds(10), condition, whatWasExpected);
  }
}
