package io.quorate.coordinator.incident;

import io.quorate.coordinator.api.ConflictException;
import io.quorate.coordinator.api.NotFoundException;
import io.quorate.coordinator.incident.IncidentEvents.Event;
import io.quorate.coordinator.live.TeamEvent;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorAlerting;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.coordinator.monitor.PublicListing;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people do to an incident: acknowledge it (which stops reminders and escalation), write notes,
 * resolve it by hand. Each action is one transaction with the incident row locked, so it is recorded in
 * the timeline and its notification queued exactly when the change itself commits.
 */
public final class IncidentActions {
  private static final Logger log = LoggerFactory.getLogger(IncidentActions.class);
  private final Pool pool;
  private final Clock clock;
  private final IncidentLifecycle lifecycle;

  public IncidentActions(Pool pool, Clock clock, IncidentLifecycle lifecycle) {
    this.pool = pool;
    this.clock = clock;
    this.lifecycle = lifecycle;
  }

  /** Acknowledging twice is harmless: the first acknowledgement stands and nothing is sent again. */
  public Future<Incident> acknowledge(UUID incidentId, String by, String note) {
    Instant now = clock.instant();
    return changeLocked(incidentId, (tx, incident) -> {
      if (!incident.isOpen()) {
        throw new ConflictException("incident " + incidentId + " is resolved; there is nothing to acknowledge");
      }
      if (incident.isAcknowledged()) {
        return Future.succeededFuture(incident);
      }
      return IncidentStore.acknowledge(tx, incidentId, by, now).map(Optional::orElseThrow).compose(acked -> {
        log.info("incident acknowledged incident={} by=\"{}\"", incidentId, by);
        lifecycle.teamEvents().publishAfterCommit(tx, TeamEvent.INCIDENT_ACKNOWLEDGED, acked.monitorId(),
            Optional.of(incidentId));
        String text = "acknowledged by " + by + (note.isBlank() ? "" : ": " + note);
        return IncidentEvents.add(tx, incidentId, new Event(now, "acknowledged", by, text, new JsonObject()))
            .compose(v -> monitorOf(tx, acked))
            .compose(monitor -> lifecycle.notify(tx, IncidentLifecycle.ACKNOWLEDGED, acked, monitor,
                AlertText.acknowledged(acked, note, lifecycle.link()), now))
            .map(acked);
      });
    });
  }

  public Future<Incident> addNote(UUID incidentId, String by, String text) {
    Instant now = clock.instant();
    return changeLocked(incidentId, (tx, incident) ->
        IncidentEvents.add(tx, incidentId, new Event(now, "note", by, text, new JsonObject())).map(incident));
  }

  /**
   * Resolves an open incident by hand. If the monitor is still failing, no new incident opens until it has
   * recovered once: resolving by hand means "we know, stop", not "page me again at the next check".
   */
  public Future<Incident> resolve(UUID incidentId, String by, String note) {
    Instant now = clock.instant();
    return changeLocked(incidentId, (tx, incident) -> {
      if (!incident.isOpen()) {
        throw new ConflictException("incident " + incidentId + " is already resolved");
      }
      String how = "resolved by hand by " + by + (note.isBlank() ? "" : ": " + note);
      return IncidentStore.resolve(tx, incidentId, how, false, Optional.of(by), now).map(Optional::orElseThrow)
          .compose(resolved -> {
            log.info("incident resolved by hand incident={} by=\"{}\"", incidentId, by);
            lifecycle.teamEvents().publishAfterCommit(tx, TeamEvent.INCIDENT_RESOLVED, resolved.monitorId(),
                Optional.of(incidentId));
            return IncidentEvents.add(tx, incidentId, new Event(now, "resolved", by, how, new JsonObject()))
                .compose(v -> monitorOf(tx, resolved))
                .compose(monitor -> lifecycle.notify(tx, IncidentLifecycle.RESOLVED, resolved, monitor,
                    AlertText.resolved(resolved, "Note: " + (note.isBlank() ? "none" : note), lifecycle.link()), now))
                .map(resolved);
          });
    });
  }

  private interface Change extends java.util.function.BiFunction<SqlClient, Incident, Future<Incident>> {}

  private Future<Incident> changeLocked(UUID incidentId, Change change) {
    return pool.withTransaction(tx -> IncidentStore.find(tx, incidentId, true)
            .compose(found -> found.isEmpty()
                ? Future.failedFuture(new NotFoundException("incident " + incidentId))
                : change.apply(tx, found.get())))
        .onSuccess(done -> lifecycle.afterCommit());
  }

  /** The monitor, for who the alert is about; a deleted monitor's incidents go out with default settings. */
  private static Future<Monitor> monitorOf(SqlClient tx, Incident incident) {
    return MonitorStore.find(tx, incident.monitorId(), false).map(found -> found.orElseGet(() ->
        new Monitor(incident.monitorId(), incident.monitorName(), null, MonitorAlerting.DEFAULTS, PublicListing.PRIVATE, 0,
            incident.openedAt(), incident.openedAt())));
  }

}
