package io.quorate.probe.link;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a graceful probe shutdown: waits until the coordinators have acknowledged every event in
 * the outbox, or until the timeout, and says which in the log. Whatever is left stays in the durable spool and
 * is sent first at the next start. Runs on the probe node's event loop; waits with timers, never blocks.
 */
public final class OutboxDrain {
  private static final Logger log = LoggerFactory.getLogger(OutboxDrain.class);
  /** How often the outbox is looked at: acknowledgements arrive in batches, a few times a second at most. */
  private static final long CHECK_EVERY_MS = 50;

  /** What the drain achieved: {@code drained} events acknowledged while it ran, {@code left} still unacknowledged. */
  public record Result(long drained, long left) {}

  private OutboxDrain() {}

  /**
   * @param settled true once nothing new can enter the outbox (no ping is still being received)
   * @return the result once the outbox is empty and settled, or at the timeout; never fails
   */
  public static Future<Result> run(Vertx vertx, Outbox outbox, BooleanSupplier settled, Duration timeout) {
    long pendingAtStart = outbox.size();
    long lastSeqAtStart = outbox.lastSeq();
    log.info("probe node draining its spool events_pending={} drain_timeout_ms={}", pendingAtStart, timeout.toMillis());
    Promise<Result> done = Promise.promise();
    long started = System.nanoTime();
    long[] timers = new long[2];
    Runnable finish = () -> {
      vertx.cancelTimer(timers[0]);
      vertx.cancelTimer(timers[1]);
      long left = outbox.size();
      long drained = pendingAtStart + (outbox.lastSeq() - lastSeqAtStart) - left;
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      if (left == 0) {
        log.info("drained {} events in {} ms", drained, tookMs);
      } else {
        log.warn("{} events left in the spool, they will be sent at next start (drained {} in {} ms)", left, drained,
            tookMs);
      }
      done.tryComplete(new Result(drained, left));
    };
    timers[0] = vertx.setPeriodic(1, CHECK_EVERY_MS, id -> {
      if (outbox.size() == 0 && settled.getAsBoolean()) {
        finish.run();
      }
    });
    timers[1] = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> finish.run());
    return done.future();
  }
}
