package io.quorate.probe.support;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/** Runs code on one Vert.x context and waits for it, for parts that live on an event loop (the outbox). */
public final class OnContext {
  private final Context context;

  public OnContext(Vertx vertx) {
    this.context = vertx.getOrCreateContext();
  }

  public Context context() {
    return context;
  }

  public <T> T call(Callable<T> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        done.complete(work.call());
      } catch (Exception e) {
        done.fail(e);
      }
    });
    return done.future().await();
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
