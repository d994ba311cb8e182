package io.quorate.coordinator.incident;

import io.quorate.coordinator.incident.HeldAlertStore.HeldAlert;
import io.quorate.coordinator.incident.IncidentEvents.Event;
import io.quorate.coordinator.maintenance.Holds;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.coordinator.sweep.PeriodicSweep;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the DOWN alerts that maintenance windows and silences held, once nothing holds their monitor any more
 * and the incident is still open: the window ended, the silence ran out or was expired early, or either was
 * deleted or changed. An incident acknowledged meanwhile is not paged: someone is on it already.
 *
 * <p>Every coordinator node sweeps. Each release is decided with the incident row locked and clears the held
 * alert in the same transaction that queues it, so when two nodes find the same alert, it goes out once.
 */
public final class HeldAlertRelease {
  private static final Logger log = LoggerFactory.getLogger(HeldAlertRelease.class);
  private static final int BATCH = 200;
  private final Pool pool;
  private final Clock clock;
  private final IncidentLifecycle lifecycle;
  private final PeriodicSweep sweep;

  public HeldAlertRelease(Vertx vertx, Pool pool, Clock clock, IncidentLifecycle lifecycle, Duration every) {
    this.pool = pool;
    this.clock = clock;
    this.lifecycle = lifecycle;
    this.sweep = new PeriodicSweep(vertx, every, this::releaseAll);
  }

  public void start() {
    sweep.start();
  }

  public void stop() {
    sweep.stop();
  }

  /** One pass now, unless one is running on this node. */
  public Future<Void> sweep() {
    return sweep.runOnce();
  }

  private Future<Void> releaseAll() {
    Instant now = clock.instant();
    return HeldAlertStore.waiting(pool, BATCH)
        .compose(ids -> Future.join(ids.stream().map(id -> release(id, now)).toList()))
        .onFailure(error -> log.warn("held alert sweep failed error={}", error.toString()))
        .mapEmpty();
  }

  private Future<Void> release(UUID incidentId, Instant now) {
    return pool.withTransaction(tx -> HeldAlertStore.lockHeld(tx, incidentId).compose(held -> held.isEmpty()
            ? Future.succeededFuture(false)
            : IncidentStore.find(tx, incidentId, false).compose(incident ->
                MonitorStore.find(tx, incident.orElseThrow().monitorId(), false).compose(monitor ->
                    releaseIfFree(tx, incident.get(), monitor, held.get(), now)))))
        .onSuccess(sent -> {
          if (sent) {
            lifecycle.afterCommit();
          }
        })
        .onFailure(error -> log.warn("held alert release failed incident={} error={}", incidentId, error.toString()))
        .mapEmpty();
  }

  /** @return whether an alert was queued */
  private Future<Boolean> releaseIfFree(SqlClient tx, Incident incident, Optional<Monitor> monitor, HeldAlert held,
      Instant now) {
    if (monitor.isEmpty()) {
      return Future.succeededFuture(false); // the monitor is gone; its incidents go with it
    }
    return Holds.load(tx, now).compose(holds -> {
      if (holds.first(monitor.get()).isPresent()) {
        return Future.succeededFuture(false);
      }
      boolean send = !incident.isAcknowledged();
      String text = send
          ? "alert released: still down after the hold ended (" + incident.alertHeldBy() + "); sending the held"
              + " alert now"
          : "held alert not sent: acknowledged by " + incident.acknowledgedBy() + " while it was held";
      log.info("incident held alert released incident={} sent={}", incident.id(), send);
      return HeldAlertStore.release(tx, incident.id(), send, now)
          .compose(released -> IncidentEvents.add(tx, incident.id(), new Event(now, "released", IncidentEvents.QUORATE,
                  text, new JsonObject().put("event", held.event())))
              .compose(v -> send
                  ? lifecycle.notify(tx, held.event(), released.orElseThrow(), monitor.get(), held.text(), now)
                  : Future.succeededFuture()))
          .map(send);
    });
  }
}
