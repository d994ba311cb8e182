package io.quorate.coordinator.sweep;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a pass over the database every {@code every}, on the Vert.x context that started it. A pass still
 * running when the next is due is not doubled: the new one is skipped, so a slow database never piles up
 * passes on one node.
 */
public final class PeriodicSweep {
  private final Vertx vertx;
  private final Duration every;
  private final Supplier<Future<?>> pass;
  private long timerId = -1;
  private boolean running;

  public PeriodicSweep(Vertx vertx, Duration every, Supplier<Future<?>> pass) {
    this.vertx = vertx;
    this.every = every;
    this.pass = pass;
  }

  public void start() {
    timerId = vertx.setPeriodic(every.toMillis(), id -> runOnce());
  }

  public void stop() {
    vertx.cancelTimer(timerId);
  }

  /** One pass now, unless one is running already. */
  public Future<Void> runOnce() {
    if (running) {
      return Future.succeededFuture();
    }
    running = true;
    return pass.get().onComplete(done -> running = false).mapEmpty();
  }
}
