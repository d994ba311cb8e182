package io.quorate.local;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks the launcher's main thread (never an event loop) on a Vert.x Future, with a deadline. */
final class Await {
  private Await() {}

  static <T> T result(Future<T> future, Duration max, String what) throws LaunchException {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("Await.result on an event loop: " + what);
    }
    try {
      return future.toCompletionStage().toCompletableFuture().get(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new LaunchException(what + ": " + describe(cause), cause);
    } catch (TimeoutException e) {
      throw new LaunchException(what + ": no answer within " + max.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException(what + ": interrupted", e);
    }
  }

  static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
