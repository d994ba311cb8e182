package io.quorate.coordinator.heartbeat;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.incident.AlertText;
import io.quorate.coordinator.incident.IncidentLifecycle;
import io.quorate.coordinator.monitor.Durations;
import io.quorate.coordinator.monitor.HeartbeatSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
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
 * Opens an incident for each heartbeat monitor whose last ping is older than period plus grace. Every
 * coordinator node sweeps; the monitor row lock (skipped when another node holds it) and the one-open-
 * incident index make sure each outage opens once. A monitor that never pinged is "new" and not swept:
 * its schedule starts with the first ping, as in Healthchecks.
 */
public final class HeartbeatSweeper {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatSweeper.class);
  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final IncidentLifecycle incidents;
  private final Duration every;
  private long timerId = -1;
  private boolean sweeping;

  public HeartbeatSweeper(Vertx vertx, Pool pool, Clock clock, IncidentLifecycle incidents, Duration every) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.incidents = incidents;
    this.every = every;
  }

  public void start() {
    timerId = vertx.setPeriodic(every.toMillis(), id -> sweep());
  }

  public void stop() {
    vertx.cancelTimer(timerId);
  }

  /** One pass; overlapping passes on one node are skipped. */
  public Future<Void> sweep() {
    if (sweeping) {
      return Future.succeededFuture();
    }
    sweeping = true;
    Instant now = clock.instant();
    return overdue(now)
        .compose(ids -> Future.join(ids.stream().map(id -> openIfOverdue(id, now)).toList()))
        .onFailure(error -> log.warn("heartbeat sweep failed error={}", error.toString()))
        .onComplete(done -> sweeping = false)
        .mapEmpty();
  }

  private Future<List<UUID>> overdue(Instant now) {
    return pool.preparedQuery("SELECT id FROM monitors m WHERE type = 'heartbeat' AND last_ping_at IS NOT NULL"
            + " AND last_ping_at + (period_ms + grace_ms) * interval '1 millisecond' < $1"
            + " AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.monitor_id = m.id AND i.resolved_at IS NULL)"
            + " LIMIT 500")
        .execute(Tuple.of(utc(now)))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID(0)));
          return ids;
        });
  }

  private Future<Void> openIfOverdue(UUID monitorId, Instant now) {
    return pool.withTransaction(tx -> tx.preparedQuery("SELECT id FROM monitors WHERE id = $1 FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(monitorId))
        .compose(locked -> locked.rowCount() == 0
            ? Future.succeededFuture(Optional.<Monitor>empty())
            : MonitorStore.find(tx, monitorId, false))
        .compose(monitor -> {
          if (monitor.isEmpty() || monitor.get().lastPingAt().isEmpty()) {
            return Future.succeededFuture(false);
          }
          HeartbeatSpec spec = (HeartbeatSpec) monitor.get().spec();
          Instant lastPing = monitor.get().lastPingAt().get();
          if (!lastPing.plus(spec.deadline()).isBefore(now)) {
            return Future.succeededFuture(false); // a ping arrived since the scan
          }
          String reason = "no ping for " + Durations.human(Duration.between(lastPing, now)) + " (period "
              + Durations.format(spec.period()) + ", grace " + Durations.format(spec.grace()) + "); last ping "
              + AlertText.time(lastPing);
          return incidents.open(tx, monitorId, monitor.get().name(), reason, "", List.of(), now).map(Optional::isPresent);
        }))
        .onSuccess(opened -> {
          if (opened) {
            incidents.afterCommit();
          }
        })
        .mapEmpty();
  }
}
