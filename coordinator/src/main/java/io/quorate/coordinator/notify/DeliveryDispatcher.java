package io.quorate.coordinator.notify;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued deliveries. Every coordinator node runs one; they share the work through PostgreSQL: a
 * node claims due rows with {@code FOR UPDATE SKIP LOCKED} and holds them for the claim (the config's
 * {@code delivery-claim}) while sending, so no two nodes send one delivery at once, and a node that dies
 * mid-send only delays it until the claim expires. Failures are retried with exponential backoff up to a
 * maximum of attempts.
 */
public final class DeliveryDispatcher {
  private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
  private static final long POLL_MS = 500;
  private static final int BATCH = 20;
  /** Every claim raises {@code attempts}: an unchanged count means no other node has claimed the delivery since. */
  private static final String STILL_OURS = " WHERE id = $1 AND attempts = $2 AND state = 'pending'";

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final ChannelTypes types;
  private final ChannelHealth health;
  private final Duration retryBase;
  private final int maxAttempts;
  /** Longer than any notifier's timeout (checked by the config), so a claim never expires while its send runs. */
  private final Duration claim;
  private final MeterRegistry registry;
  private long timerId = -1;
  private boolean polling;
  private boolean pollAgain;
  private boolean stopped;
  private Future<Integer> currentPoll = Future.succeededFuture(0);

  public DeliveryDispatcher(Vertx vertx, Pool pool, Clock clock, ChannelTypes types, ChannelHealth health,
      Duration retryBase, int maxAttempts, Duration claim, MeterRegistry registry) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.types = types;
    this.health = health;
    this.retryBase = retryBase;
    this.maxAttempts = maxAttempts;
    this.claim = claim;
    this.registry = registry;
  }

  public void start() {
    timerId = vertx.setPeriodic(POLL_MS, id -> poll());
  }

  /**
   * Stops polling; the returned future completes once sends under way have finished and their outcome is
   * recorded, so a node stopping gracefully leaves no delivery claimed (which would delay it on other nodes).
   */
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    return currentPoll.<Void>mapEmpty().otherwiseEmpty();
  }

  /** Looks for due deliveries now instead of at the next tick, e.g. right after an incident changed. */
  public void poll() {
    if (stopped) {
      return;
    }
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = true;
    currentPoll = claimDue()
        .compose(this::sendAll);
    currentPoll
        .onFailure(error -> log.warn("delivery poll failed error={}", error.toString()))
        .onComplete(done -> {
          polling = false;
          boolean more = done.succeeded() && done.result() == BATCH;
          if (pollAgain || more) {
            pollAgain = false;
            vertx.runOnContext(v -> poll());
          }
        });
  }

  private Future<List<Claimed>> claimDue() {
    Instant now = clock.instant();
    return pool.preparedQuery("UPDATE deliveries d SET claimed_until = $2, attempts = d.attempts + 1"
            + " FROM channels c WHERE d.channel_id = c.id AND d.id IN ("
            + "   SELECT id FROM deliveries WHERE state = 'pending' AND next_attempt_at <= $1"
            + "   AND (claimed_until IS NULL OR claimed_until <= $1)"
            + "   ORDER BY next_attempt_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)"
            + " RETURNING d.id, d.event, d.payload, d.attempts, c.id AS channel_id, " + ChannelStore.COLUMNS)
        .execute(Tuple.of(utc(now), utc(now.plus(claim))))
        .map(rows -> {
          List<Claimed> claimed = new ArrayList<>();
          rows.forEach(row -> claimed.add(Claimed.of(row)));
          return claimed;
        });
  }

  private Future<Integer> sendAll(List<Claimed> claimed) {
    List<Future<Void>> sends = claimed.stream().map(this::send).toList();
    return Future.join(sends).transform(done -> Future.succeededFuture(claimed.size()));
  }

  private Future<Void> send(Claimed delivery) {
    return attempt(delivery)
        .compose(outcome -> markChannel(delivery.channel(), outcome))
        .onFailure(error -> log.warn("recording a delivery failed delivery={} error={}", delivery.id(), error.toString()));
  }

  private Future<Outcome> attempt(Claimed delivery) {
    Optional<Notifier> notifier = types.notifier(delivery.channel().type());
    if (notifier.isEmpty()) {
      return record(delivery, new DeliveryFailure("no notifier for channel type " + delivery.channel().type(), false));
    }
    JsonObject payload = delivery.payload().copy().put("delivery_id", delivery.id().toString());
    return notifier.get().send(delivery.channel(), delivery.id().toString(), payload)
        .transform(sent -> sent.succeeded() ? record(delivery, null) : record(delivery, sent.cause()));
  }

  private Future<Void> markChannel(Channel channel, Outcome outcome) {
    if (outcome.accepted()) {
      return health.accepted(channel);
    }
    return outcome.permanent() ? health.refusedForGood(channel, outcome.error()) : Future.succeededFuture();
  }

  /** What {@link #record} wrote: accepted (no error), or the failure's secret-free error and whether it is for good. */
  private record Outcome(String error, boolean permanent) {
    static final Outcome ACCEPTED = new Outcome(null, false);

    boolean accepted() {
      return error == null;
    }
  }

  /**
   * Writes the outcome of one attempt: delivered, to be retried at a later time, or failed for good. A success is
   * always written: the receiver has it, whoever else tried. A failure is written only while this attempt still
   * holds the delivery (pending, and no later claim raised {@code attempts}): a node whose send outlived its claim
   * (a long pause, a stalled database) must not mark as failed what another node delivered meanwhile, nor free
   * that node's claim for a third node to send again.
   */
  private Future<Outcome> record(Claimed delivery, Throwable failure) {
    Instant now = clock.instant();
    if (failure == null) {
      count("delivered");
      log.info("notification delivered delivery={} event={} channel={} attempt={}", delivery.id(), delivery.event(),
          delivery.channel().name(), delivery.attempts());
      return update("UPDATE deliveries SET state = 'delivered', delivered_at = $2, claimed_until = NULL, last_error = NULL"
          + " WHERE id = $1", Tuple.of(delivery.id(), utc(now))).map(Outcome.ACCEPTED);
    }
    boolean retryable = !(failure instanceof DeliveryFailure f) || f.retryable();
    String error = types.redact(delivery.channel(), failure.getMessage() == null ? failure.toString() : failure.getMessage());
    if (retryable && delivery.attempts() < maxAttempts) {
      Instant next = now.plus(backoff(delivery.attempts()));
      count("retry");
      log.warn("notification failed, will retry delivery={} channel={} attempt={} next={} error={}", delivery.id(),
          delivery.channel().name(), delivery.attempts(), next, error);
      return updateIfStillOurs(delivery, "next_attempt_at = $3, claimed_until = NULL, last_error = $4",
          Tuple.of(delivery.id(), delivery.attempts(), utc(next), error)).map(new Outcome(error, false));
    }
    count("failed");
    log.error("notification failed for good delivery={} channel={} attempts={} error={}", delivery.id(),
        delivery.channel().name(), delivery.attempts(), error);
    return updateIfStillOurs(delivery, "state = 'failed', claimed_until = NULL, last_error = $3",
        Tuple.of(delivery.id(), delivery.attempts(), error)).map(new Outcome(error, !retryable));
  }

  /** First retry after {@code retryBase}, doubling per attempt, capped. */
  Duration backoff(int attemptsSoFar) {
    Duration delay = retryBase.multipliedBy(1L << Math.min(attemptsSoFar - 1, 20));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  private Future<Void> update(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args).mapEmpty();
  }

  /** @param args $1 the delivery id, $2 the attempts of this claim, then those of {@code assignments} */
  private Future<Void> updateIfStillOurs(Claimed delivery, String assignments, Tuple args) {
    return pool.preparedQuery("UPDATE deliveries SET " + assignments + STILL_OURS).execute(args).map(rows -> {
      if (rows.rowCount() == 0) {
        log.info("failed attempt not recorded: the delivery was taken over or delivered meanwhile delivery={} attempt={}",
            delivery.id(), delivery.attempts());
      }
      return null;
    });
  }

  private void count(String outcome) {
    registry.counter("quorate_deliveries_total", "outcome", outcome).increment();
  }

  private record Claimed(UUID id, String event, JsonObject payload, int attempts, Channel channel) {
    static Claimed of(Row row) {
      Channel channel = ChannelStore.toChannel(row, "channel_id");
      return new Claimed(row.getUUID("id"), row.getString("event"), (JsonObject) row.getValue("payload"),
          row.getInteger("attempts"), channel);
    }
  }
}
