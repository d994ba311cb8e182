package io.quorate.coordinator.heartbeat;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.incident.IncidentLifecycle;
import io.quorate.coordinator.incident.IncidentStore;
import io.quorate.coordinator.monitor.HeartbeatSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.link.v1.HeartbeatPing;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a heartbeat ping, whichever region (or the coordinator itself) received it, and resolves the
 * monitor's incident when the ping shows the worker alive again. One transaction, deduplicated by event id.
 */
public final class PingIngest {
  private static final Logger log = LoggerFactory.getLogger(PingIngest.class);
  private final Pool pool;
  private final Clock clock;
  private final IncidentLifecycle incidents;

  public PingIngest(Pool pool, Clock clock, IncidentLifecycle incidents) {
    this.pool = pool;
    this.clock = clock;
    this.incidents = incidents;
  }

  public enum Result { RECORDED, DUPLICATE, UNKNOWN_PING_ID }

  /** @return succeeds once the ping is durable; {@link Result#UNKNOWN_PING_ID} when no monitor has this id */
  public Future<Result> ingest(String eventId, String region, HeartbeatPing ping) {
    UUID pingId;
    try {
      pingId = UUID.fromString(ping.getPingId());
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(Result.UNKNOWN_PING_ID);
    }
    return pool.withTransaction(tx -> MonitorStore.findByPingId(tx, pingId, true).compose(monitor -> {
      if (monitor.isEmpty()) {
        return Future.succeededFuture(new Outcome(Result.UNKNOWN_PING_ID, false));
      }
      return insert(tx, eventId, region, monitor.get(), ping).compose(inserted -> inserted
          ? afterPing(tx, monitor.get(), Instant.ofEpochMilli(ping.getReceivedAtMs()))
              .map(resolved -> new Outcome(Result.RECORDED, resolved))
          : Future.succeededFuture(new Outcome(Result.DUPLICATE, false)));
    })).map(outcome -> {
      if (outcome.incidentChanged()) {
        incidents.afterCommit();
      }
      return outcome.result();
    });
  }

  private record Outcome(Result result, boolean incidentChanged) {}

  private static Future<Boolean> insert(SqlClient tx, String eventId, String region, Monitor monitor, HeartbeatPing ping) {
    return tx.preparedQuery("INSERT INTO pings (event_id, monitor_id, region, received_at, method, body, user_agent,"
            + " remote_address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING")
        .execute(Tuple.from(new Object[] {eventId, monitor.id(), region, utc(Instant.ofEpochMilli(ping.getReceivedAtMs())),
            ping.getMethod(), ping.getBody(), ping.getUserAgent(), ping.getRemoteAddress()}))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Moves the last ping forward and resolves an open incident if the monitor is no longer overdue. */
  private Future<Boolean> afterPing(SqlClient tx, Monitor monitor, Instant receivedAt) {
    HeartbeatSpec spec = (HeartbeatSpec) monitor.spec();
    Instant lastPing = monitor.lastPingAt().filter(last -> last.isAfter(receivedAt)).orElse(receivedAt);
    Instant now = clock.instant();
    return tx.preparedQuery("UPDATE monitors SET last_ping_at = $2 WHERE id = $1")
        .execute(Tuple.of(monitor.id(), utc(lastPing)))
        .compose(v -> IncidentStore.findOpen(tx, monitor.id()))
        .compose(open -> {
          boolean overdue = lastPing.plus(spec.deadline()).isBefore(now);
          if (open.isEmpty() || overdue) {
            return Future.succeededFuture(false);
          }
          log.debug("heartbeat ping resolves incident monitor={} incident={}", monitor.id(), open.get().id());
          return incidents.resolve(tx, open.get().id(), "Ping received " + io.quorate.coordinator.incident.AlertText.time(receivedAt), now)
              .map(Optional::isPresent);
        });
  }
}
