package io.quorate.coordinator.notify;

/** A notification was not accepted. Retryable failures (timeouts, 5xx) are tried again with backoff. */
public class DeliveryFailure extends RuntimeException {
  private final boolean retryable;

  public DeliveryFailure(String message, boolean retryable) {
    super(message, null, false, false);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
