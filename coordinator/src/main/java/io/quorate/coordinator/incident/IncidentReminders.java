package io.quorate.coordinator.incident;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.incident.IncidentEvents.Event;
import io.quorate.coordinator.maintenance.Hold;
import io.quorate.coordinator.maintenance.Holds;
import io.quorate.coordinator.monitor.Durations;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorAlerting;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.coordinator.notify.Routing;
import io.quorate.coordinator.sweep.PeriodicSweep;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
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
 * Keeps nagging about open, unacknowledged incidents: a reminder every {@code remind_every}, and once, after
 * {@code escalation.after}, an alert to the escalation channels. Acknowledging stops both.
 *
 * <p>While a maintenance window or silence holds the monitor, neither goes out: a reminder that falls due is
 * noted in the timeline and the next counts from then; escalation waits until nothing holds the monitor. An
 * incident whose DOWN alert is held has neither: {@link HeldAlertRelease} sends that alert first, and reminders
 * and escalation count from the moment it went out.
 *
 * <p>Every coordinator node sweeps. Each reminder is decided again with the incident row locked, so when two
 * nodes find the same reminder due, the second sees the first one's {@code last_alerted_at} and sends nothing.
 */
public final class IncidentReminders {
  private static final Logger log = LoggerFactory.getLogger(IncidentReminders.class);
  /** Enough for one pass; the rest wait a sweep. */
  private static final int BATCH = 200;
  private final Pool pool;
  private final Clock clock;
  private final IncidentLifecycle lifecycle;
  private final PeriodicSweep sweep;

  public IncidentReminders(Vertx vertx, Pool pool, Clock clock, IncidentLifecycle lifecycle, Duration every) {
    this.pool = pool;
    this.clock = clock;
    this.lifecycle = lifecycle;
    this.sweep = new PeriodicSweep(vertx, every, this::remindAll);
  }

  public void start() {
    sweep.start();
  }

  public void stop() {
    sweep.stop();
  }

  /** One pass: sends every reminder and escalation that is due; overlapping passes on one node are skipped. */
  public Future<Void> sweep() {
    return sweep.runOnce();
  }

  private Future<Void> remindAll() {
    Instant now = clock.instant();
    return due(now)
        .compose(ids -> Future.join(ids.stream().map(id -> remind(id, now)).toList()))
        .onFailure(error -> log.warn("reminder sweep failed error={}", error.toString()))
        .mapEmpty();
  }

  /** Incidents with a reminder or an escalation due, found without locks; each is checked again locked. */
  private Future<List<UUID>> due(Instant now) {
    return pool.preparedQuery("SELECT i.id FROM incidents i JOIN monitors m ON m.id = i.monitor_id"
            + " WHERE i.resolved_at IS NULL AND i.acknowledged_at IS NULL AND i.alert_held_by IS NULL AND ("
            + " (m.alerting ->> 'remind_every_ms') IS NOT NULL AND i.last_alerted_at"
            + "   + (m.alerting ->> 'remind_every_ms')::bigint * interval '1 millisecond' <= $1"
            + " OR (m.alerting ->> 'escalate_after_ms') IS NOT NULL AND i.escalated_at IS NULL"
            + "   AND GREATEST(i.opened_at, i.alert_released_at)"
            + "   + (m.alerting ->> 'escalate_after_ms')::bigint * interval '1 millisecond' <= $1)"
            + " ORDER BY i.opened_at LIMIT " + BATCH)
        .execute(Tuple.of(utc(now)))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID("id")));
          return ids;
        });
  }

  private Future<Void> remind(UUID incidentId, Instant now) {
    return pool.withTransaction(tx -> IncidentStore.find(tx, incidentId, true).compose(found -> {
          if (found.isEmpty() || !found.get().isOpen() || found.get().isAcknowledged() || found.get().downAlertHeld()) {
            return Future.succeededFuture(false);
          }
          Incident incident = found.get();
          return Future.all(MonitorStore.find(tx, incident.monitorId(), false), Holds.load(tx, now)).compose(both -> {
            Optional<Monitor> monitor = both.resultAt(0);
            if (monitor.isEmpty()) {
              return Future.succeededFuture(false);
            }
            Optional<Hold> hold = both.<Holds>resultAt(1).first(monitor.get());
            if (hold.isPresent()) {
              return holdReminderIfDue(tx, incident, monitor.get(), hold.get(), now).map(false);
            }
            return escalateIfDue(tx, incident, monitor.get(), now).compose(escalated ->
                remindIfDue(tx, incident, monitor.get(), now).map(reminded -> escalated || reminded));
          });
        }))
        .onSuccess(sent -> {
          if (sent) {
            lifecycle.afterCommit();
          }
        })
        .onFailure(error -> log.warn("reminder failed incident={} error={}", incidentId, error.toString()))
        .mapEmpty();
  }

  private static boolean reminderDue(Incident incident, Monitor monitor, Instant now) {
    Optional<Duration> remindEvery = monitor.alerting().remindEvery();
    Instant last = incident.lastAlertedAt().orElse(incident.openedAt());
    return remindEvery.isPresent() && !last.plus(remindEvery.get()).isAfter(now);
  }

  private Future<Void> holdReminderIfDue(SqlClient tx, Incident incident, Monitor monitor, Hold hold, Instant now) {
    if (!reminderDue(incident, monitor, now)) {
      return Future.succeededFuture();
    }
    return IncidentStore.reminderHeld(tx, incident.id(), now)
        .compose(v -> IncidentEvents.add(tx, incident.id(), new Event(now, "held", IncidentEvents.QUORATE,
            "reminder held: " + hold.text(now), hold.toJson(now))));
  }

  private Future<Boolean> remindIfDue(SqlClient tx, Incident incident, Monitor monitor, Instant now) {
    if (!reminderDue(incident, monitor, now)) {
      return Future.succeededFuture(false);
    }
    int number = incident.remindersSent() + 1;
    String text = AlertText.reminder(incident, number, now, lifecycle.link());
    log.info("incident reminder incident={} number={}", incident.id(), number);
    return IncidentStore.reminded(tx, incident.id(), now)
        .compose(v -> IncidentEvents.add(tx, incident.id(), new Event(now, "reminder", IncidentEvents.QUORATE,
            "reminder " + number + ": still down and not acknowledged", new JsonObject().put("number", number))))
        .compose(v -> lifecycle.notify(tx, IncidentLifecycle.REMINDER, incident, monitor, text, now))
        .map(true);
  }

  private Future<Boolean> escalateIfDue(SqlClient tx, Incident incident, Monitor monitor, Instant now) {
    MonitorAlerting alerting = monitor.alerting();
    if (alerting.escalateAfter().isEmpty() || incident.escalatedAt().isPresent()
        || incident.alertedSince().plus(alerting.escalateAfter().get()).isAfter(now)) {
      return Future.succeededFuture(false);
    }
    String text = AlertText.escalated(incident, now, lifecycle.link());
    log.info("incident escalated incident={} channels={}", incident.id(), alerting.escalateTo());
    return IncidentStore.escalated(tx, incident.id(), now).compose(first -> !first
        ? Future.succeededFuture(false)
        : IncidentEvents.add(tx, incident.id(), new Event(now, "escalated", IncidentEvents.QUORATE,
                "escalated: not acknowledged after " + Durations.human(alerting.escalateAfter().get()),
                new JsonObject()))
            // An escalation pages whatever the hour: nobody answered the first alert.
            .compose(v -> lifecycle.notify(tx, IncidentLifecycle.ESCALATED, incident, monitor, text,
                new Routing(alerting.escalateTo(), Routing.PAGE), now))
            .map(true));
  }
}
