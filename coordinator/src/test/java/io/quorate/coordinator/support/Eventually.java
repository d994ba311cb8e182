package io.quorate.coordinator.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition that real servers reach asynchronously, failing with a message after a deadline. */
public final class Eventually {
  private Eventually() {}

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
      }
      pause(100);
    }
  }

  /** Waits until the supplier returns a value that is not null. */
  public static <T> T value(Duration timeout, String what, Supplier<T> supplier) {
    Object[] holder = new Object[1];
    until(timeout, what, () -> (holder[0] = supplier.get()) != null);
    @SuppressWarnings("unchecked")
    T value = (T) holder[0];
    return value;
  }

  /** Lets time pass to show that something does NOT happen (e.g. no incident below quorum). */
  public static void during(Duration period, String what, BooleanSupplier mustHold) {
    long end = System.nanoTime() + period.toNanos();
    while (System.nanoTime() < end) {
      if (!mustHold.getAsBoolean()) {
        throw new AssertionError("did not hold: " + what);
      }
      pause(100);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
