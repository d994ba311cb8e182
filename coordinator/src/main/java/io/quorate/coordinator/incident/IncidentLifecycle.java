package io.quorate.coordinator.incident;

import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.coordinator.live.TeamEvent;
import io.quorate.coordinator.live.TeamEvents;
import io.quorate.coordinator.incident.IncidentEvents.Event;
import io.quorate.coordinator.maintenance.Hold;
import io.quorate.coordinator.maintenance.Holds;
import io.quorate.coordinator.monitor.AlertingJson;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorAlerting;
import io.quorate.coordinator.notify.DeliveryOutbox;
import io.quorate.coordinator.notify.Routing;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, reopens and resolves incidents inside the caller's transaction, writes their timeline entries and
 * queues their notifications in that same transaction. Callers call {@link #afterCommit()} once their
 * transaction committed with a change, so the dispatcher sends right away instead of at its next tick.
 */
public final class IncidentLifecycle {
  private static final Logger log = LoggerFactory.getLogger(IncidentLifecycle.class);
  public static final String OPENED = "incident.opened";
  public static final String REOPENED = "incident.reopened";
  public static final String RESOLVED = "incident.resolved";
  public static final String ACKNOWLEDGED = "incident.acknowledged";
  public static final String REMINDER = "incident.reminder";
  public static final String ESCALATED = "incident.escalated";

  private final Supplier<String> appLink;
  private final Runnable deliveriesDue;
  private final MeterRegistry registry;
  private final TeamEvents teamEvents;

  /** @param teamEvents told about every incident that opens, reopens or resolves, once it is committed */
  public IncidentLifecycle(Supplier<String> appLink, Runnable deliveriesDue, MeterRegistry registry,
      TeamEvents teamEvents) {
    this.appLink = appLink;
    this.deliveriesDue = deliveriesDue;
    this.registry = registry;
    this.teamEvents = teamEvents;
  }

  /** Where changes to incidents and monitors are announced to the team views. */
  public TeamEvents teamEvents() {
    return teamEvents;
  }

  /**
   * Opens an incident, or reopens the monitor's last one when it resolved on its own less than the monitor's
   * flap cool-down ago, so a flapping queue is one incident rather than a page per flap.
   *
   * @param latest the monitor's newest incident, read in this transaction
   * @return the opened or reopened incident; empty when one is open already (opened by another node), or
   *     when a person resolved the last one by hand and the monitor has not recovered since
   */
  public Future<Optional<Incident>> open(SqlClient tx, Opening opening, Optional<Incident> latest, Instant now) {
    if (latest.isPresent() && (latest.get().isOpen() || latest.get().awaitingRecovery())) {
      return Future.succeededFuture(Optional.empty());
    }
    Optional<Incident> flapped = latest.filter(i -> isFlap(i, opening.monitor(), now));
    if (flapped.isPresent()) {
      return reopen(tx, opening, flapped.get(), now);
    }
    Monitor monitor = opening.monitor();
    return IncidentStore.open(tx, monitor.id(), monitor.name(), opening.reason(), opening.regionsDown(), opening.cause(),
        opening.deadlineAt(), now).compose(opened -> {
          if (opened.isEmpty()) {
            return Future.succeededFuture(opened);
          }
          Incident incident = opened.get();
          log.info("incident opened incident={} monitor={} name=\"{}\" agreement=\"{}\" reason=\"{}\"", incident.id(),
              monitor.id(), monitor.name(), opening.agreement(), opening.reason());
          registry.counter("quorate_incidents_total", "event", "opened").increment();
          teamEvents.publishAfterCommit(tx, TeamEvent.INCIDENT_OPENED, monitor.id(), Optional.of(incident.id()));
          String text = AlertText.opened(incident, opening, link());
          List<Event> events = new ArrayList<>(opening.votes());
          events.add(decision(now, "opened", openedText(opening)));
          return IncidentEvents.addAll(tx, incident.id(), events)
              .compose(v -> alertDown(tx, OPENED, incident, monitor, text, now))
              .map(opened);
        });
  }

  private Future<Optional<Incident>> reopen(SqlClient tx, Opening opening, Incident last, Instant now) {
    return IncidentStore.reopen(tx, last.id(), opening.reason(), opening.regionsDown(), opening.cause(),
            opening.deadlineAt(), now)
        .compose(reopened -> {
          if (reopened.isEmpty()) {
            return Future.succeededFuture(reopened);
          }
          Incident incident = reopened.get();
          log.info("incident reopened incident={} monitor={} times={} reason=\"{}\"", incident.id(), incident.monitorId(),
              incident.reopenedCount(), opening.reason());
          registry.counter("quorate_incidents_total", "event", "reopened").increment();
          teamEvents.publishAfterCommit(tx, TeamEvent.INCIDENT_REOPENED, incident.monitorId(), Optional.of(incident.id()));
          String text = AlertText.reopened(incident, opening, last.resolvedAt().orElse(now), link());
          List<Event> events = new ArrayList<>(opening.votes());
          events.add(decision(now, "reopened", "failing again " + AlertText.ago(last.resolvedAt().orElse(now), now)
              + " after it recovered (within the flap cool-down): " + openedText(opening)));
          return IncidentEvents.addAll(tx, incident.id(), events)
              .compose(v -> alertDown(tx, REOPENED, incident, opening.monitor(), text, now))
              .map(reopened);
        });
  }

  private static boolean isFlap(Incident last, Monitor monitor, Instant now) {
    return last.resolvedAt().isPresent() && !last.falseAlarm() && last.resolvedBy().isEmpty()
        && last.resolvedAt().get().plus(monitor.alerting().flapCooldown()).isAfter(now);
  }

  private static String openedText(Opening opening) {
    String agreement = opening.agreement().isBlank() ? "" : opening.agreement() + ". ";
    return agreement + (opening.reason().isBlank() ? "" : "Reason: " + opening.reason());
  }

  /**
   * Resolves an open incident because the monitor recovered (or, for {@code falseAlarm}, because it never
   * was down: the pings that disprove it arrived late).
   *
   * @param how why it resolved, e.g. "2 of 3 regions up; quorum 2"
   */
  public Future<Optional<Incident>> resolve(SqlClient tx, Incident open, Monitor monitor, String how, boolean falseAlarm,
      Instant now) {
    return IncidentStore.resolve(tx, open.id(), how, falseAlarm, Optional.empty(), now).compose(resolved -> {
      if (resolved.isEmpty()) {
        return Future.succeededFuture(resolved);
      }
      Incident incident = resolved.get();
      log.info("incident resolved incident={} monitor={} name=\"{}\" how=\"{}\"", incident.id(), incident.monitorId(),
          incident.monitorName(), how);
      registry.counter("quorate_incidents_total", "event", "resolved").increment();
      teamEvents.publishAfterCommit(tx, TeamEvent.INCIDENT_RESOLVED, incident.monitorId(), Optional.of(incident.id()));
      String text = falseAlarm ? AlertText.falseAlarm(incident, how, link()) : AlertText.resolved(incident, how, link());
      return IncidentEvents.add(tx, incident.id(), decision(now, "resolved", (falseAlarm ? "false alarm: " : "") + how))
          .compose(v -> notify(tx, RESOLVED, incident, monitor, text, now))
          .map(resolved);
    });
  }

  /** Lets the next failure alert again after a person resolved the last incident by hand. */
  public Future<Void> recovered(SqlClient tx, Incident latest) {
    return latest.awaitingRecovery() ? IncidentStore.recovered(tx, latest.id()) : Future.succeededFuture();
  }

  /**
   * Queues the DOWN (or DOWN AGAIN) alert, or holds it when a maintenance window or a silence covers the monitor:
   * the incident keeps the alert and its timeline says what holds it; {@link HeldAlertRelease} sends it later.
   */
  private Future<Void> alertDown(SqlClient tx, String event, Incident incident, Monitor monitor, String text,
      Instant now) {
    return Holds.load(tx, now).compose(holds -> {
      Optional<Hold> hold = holds.first(monitor);
      if (hold.isEmpty()) {
        return notify(tx, event, incident, monitor, text, now);
      }
      String why = hold.get().text(now);
      log.info("incident alert held incident={} monitor={} held_by=\"{}\"", incident.id(), monitor.id(), why);
      registry.counter("quorate_alerts_held_total", "event", event).increment();
      return HeldAlertStore.hold(tx, incident.id(), why, event, text)
          .compose(v -> IncidentEvents.add(tx, incident.id(), new Event(now, "held", IncidentEvents.QUORATE,
              "alert held: " + why, hold.get().toJson(now))));
    });
  }

  /** Queues one notification about this incident to the monitor's channels, at the monitor's urgency. */
  Future<Void> notify(SqlClient tx, String event, Incident incident, Monitor monitor, String text, Instant now) {
    MonitorAlerting alerting = monitor.alerting();
    return notify(tx, event, incident, monitor, text, new Routing(alerting.channels(), alerting.urgency()), now);
  }

  Future<Void> notify(SqlClient tx, String event, Incident incident, Monitor monitor, String text, Routing routing,
      Instant now) {
    if (incident.downAlertHeld()) {
      // Nobody was told it is down: a recovery or acknowledgement would be the first they hear of it.
      return IncidentEvents.add(tx, incident.id(), new Event(now, "held", IncidentEvents.QUORATE, what(event)
          + " not sent: the DOWN alert was held (" + incident.alertHeldBy() + ") and never sent", new JsonObject()));
    }
    JsonObject payload = new JsonObject()
        .put("event", event)
        .put("text", text)
        .put("incident", IncidentJson.toJson(incident))
        .put("monitor", AlertingJson.about(monitor.alerting()))
        .put("link", link());
    return DeliveryOutbox.enqueue(tx, incident.id(), event, payload, routing, now).mapEmpty();
  }

  private static String what(String event) {
    return switch (event) {
      case RESOLVED -> "recovery";
      case ACKNOWLEDGED -> "acknowledgement";
      default -> event;
    };
  }

  public void afterCommit() {
    deliveriesDue.run();
  }

  String link() {
    return appLink.get();
  }

  private static Event decision(Instant at, String kind, String text) {
    return new Event(at, kind, IncidentEvents.QUORATE, text, new JsonObject());
  }
}
