package io.quorate.coordinator.incident;

import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.coordinator.notify.DeliveryOutbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and resolves incidents inside the caller's transaction and queues their notifications in the
 * same transaction. Callers call {@link #afterCommit()} once their transaction committed with a change,
 * so the dispatcher sends right away instead of at its next tick.
 */
public final class IncidentLifecycle {
  private static final Logger log = LoggerFactory.getLogger(IncidentLifecycle.class);
  public static final String OPENED = "incident.opened";
  public static final String RESOLVED = "incident.resolved";

  private final Supplier<String> appLink;
  private final Runnable deliveriesDue;
  private final MeterRegistry registry;

  public IncidentLifecycle(Supplier<String> appLink, Runnable deliveriesDue, MeterRegistry registry) {
    this.appLink = appLink;
    this.deliveriesDue = deliveriesDue;
    this.registry = registry;
  }

  /**
   * @param agreement who agrees, e.g. "2 of 3 regions down (eu-west, us-east); quorum 2"
   * @return the incident, or empty when another node opened one for this monitor first
   */
  public Future<Optional<Incident>> open(SqlClient tx, UUID monitorId, String monitorName, String reason,
      String agreement, List<String> regionsDown, Instant now) {
    return open(tx, monitorId, monitorName, reason, agreement, regionsDown, "", Optional.empty(), now);
  }

  /** As above, with a heartbeat's cause and the deadline it missed (see {@link Incident}). */
  public Future<Optional<Incident>> open(SqlClient tx, UUID monitorId, String monitorName, String reason,
      String agreement, List<String> regionsDown, String cause, Optional<Instant> deadlineAt, Instant now) {
    return IncidentStore.open(tx, monitorId, monitorName, reason, regionsDown, cause, deadlineAt, now).compose(opened -> {
      if (opened.isEmpty()) {
        return Future.succeededFuture(opened);
      }
      Incident incident = opened.get();
      String text = AlertText.opened(incident, agreement, link());
      log.info("incident opened incident={} monitor={} name=\"{}\" agreement=\"{}\" reason=\"{}\"", incident.id(),
          monitorId, monitorName, agreement, reason);
      registry.counter("quorate_incidents_total", "event", "opened").increment();
      return DeliveryOutbox.enqueue(tx, incident.id(), OPENED, payload(OPENED, incident, text), now).map(opened);
    });
  }

  /** @param how why it resolved, e.g. "2 of 3 regions up; quorum 2" */
  public Future<Optional<Incident>> resolve(SqlClient tx, UUID incidentId, String how, Instant now) {
    return resolve(tx, incidentId, how, false, now);
  }

  /** @param falseAlarm nothing was down: the pings that disprove it arrived late (see {@link Incident}) */
  public Future<Optional<Incident>> resolve(SqlClient tx, UUID incidentId, String how, boolean falseAlarm, Instant now) {
    return IncidentStore.resolve(tx, incidentId, how, falseAlarm, now).compose(resolved -> {
      if (resolved.isEmpty()) {
        return Future.succeededFuture(resolved);
      }
      Incident incident = resolved.get();
      String text = falseAlarm ? AlertText.falseAlarm(incident, how, link()) : AlertText.resolved(incident, how, link());
      log.info("incident resolved incident={} monitor={} name=\"{}\" how=\"{}\"", incident.id(), incident.monitorId(),
          incident.monitorName(), how);
      registry.counter("quorate_incidents_total", "event", "resolved").increment();
      return DeliveryOutbox.enqueue(tx, incident.id(), RESOLVED, payload(RESOLVED, incident, text), now).map(resolved);
    });
  }

  public void afterCommit() {
    deliveriesDue.run();
  }

  private String link() {
    return appLink.get();
  }

  private static JsonObject payload(String event, Incident incident, String text) {
    return new JsonObject().put("event", event).put("text", text).put("incident", IncidentJson.toJson(incident));
  }
}
