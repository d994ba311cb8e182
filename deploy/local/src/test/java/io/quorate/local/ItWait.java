package io.quorate.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition real processes reach asynchronously, with a deadline and a message; never a guessed sleep. */
final class ItWait {
  private ItWait() {}

  static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
      }
      pause();
    }
  }

  /** Lets time pass to show that something does not happen (a second incident, a repeated alert). */
  static void during(Duration period, String what, BooleanSupplier mustHold) {
    long end = System.nanoTime() + period.toNanos();
    while (System.nanoTime() < end) {
      if (!mustHold.getAsBoolean()) {
        throw new AssertionError("did not hold: " + what);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
