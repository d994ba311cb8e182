package io.quorate.coordinator.notify;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A notification was not accepted. Retryable failures (timeouts, connection errors, 5xx) are tried again
 * with backoff; permanent ones (the receiver says the request or its credentials are wrong) mark the
 * channel broken.
 */
public class DeliveryFailure extends RuntimeException {
  private final boolean retryable;

  public DeliveryFailure(String message, boolean retryable) {
    super(message, null, false, false);
    this.retryable = retryable;
  }

  /**
   * The receiver could not be reached or did not answer in time: worth retrying. The message names the
   * error, never the request (a Telegram URL carries the bot token).
   */
  public static DeliveryFailure unreachable(Throwable error, Duration timeout) {
    if (error instanceof DeliveryFailure failure) {
      return failure;
    }
    if (error instanceof TimeoutException) {
      return new DeliveryFailure("no answer within " + timeout.toMillis() + " ms", true);
    }
    String message = error.getMessage();
    return new DeliveryFailure(error.getClass().getSimpleName() + (message == null ? "" : ": " + message), true);
  }

  public boolean retryable() {
    return retryable;
  }
}
