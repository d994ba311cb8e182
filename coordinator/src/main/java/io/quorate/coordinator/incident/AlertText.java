package io.quorate.coordinator.incident;

import io.quorate.coordinator.incident.Opening.AlertFacts;
import io.quorate.coordinator.monitor.Durations;
import io.quorate.coordinator.monitor.MonitorAlerting;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentences people read in alerts: what is down and what customers lose, how bad it is (oldest job
 * against its SLA, how many wait, last success), why, who agrees, who owns it, since when, where to look.
 * For example: "DOWN: Receipts queue. Receipt emails: oldest job 18m (SLA 5m), 143 waiting, last success
 * 21m ago. Top error: template field missing. 3 of 3 regions agree. Owner: billing. Impact: all paying
 * customers. Since 2026-11-23 14:02:11 UTC. https://…"
 */
public final class AlertText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private AlertText() {}

  public static String opened(Incident incident, Opening opening, String link) {
    return "DOWN: " + incident.monitorName() + ". " + body(incident, opening, incident.openedAt()) + link;
  }

  public static String reopened(Incident incident, Opening opening, Instant recoveredAt, String link) {
    Instant now = incident.lastAlertedAt().orElse(recoveredAt);
    return "DOWN AGAIN: " + incident.monitorName() + ". Failing again " + ago(recoveredAt, now).replace(" ago", "")
        + " after recovering (reopened " + times(incident.reopenedCount()) + "). " + body(incident, opening, now) + link;
  }

  /** The middle of an opening alert, each part only when known. */
  private static String body(Incident incident, Opening opening, Instant now) {
    MonitorAlerting about = opening.monitor().alerting();
    AlertFacts facts = opening.facts();
    StringBuilder text = new StringBuilder();
    List<String> measures = measures(about, facts, now);
    if (!about.customerAction().isBlank()) {
      text.append(about.customerAction()).append(measures.isEmpty() ? "" : ": " + String.join(", ", measures))
          .append(". ");
    } else if (!measures.isEmpty()) {
      String joined = String.join(", ", measures);
      text.append(Character.toUpperCase(joined.charAt(0))).append(joined.substring(1)).append(". ");
    }
    sentence(text, "Reason: ", opening.reason());
    if (!facts.topError().isBlank() && !opening.reason().contains(facts.topError())) {
      sentence(text, "Top error: ", facts.topError());
    }
    sentence(text, "", facts.regionsAgreeing().isBlank() ? opening.agreement() : facts.regionsAgreeing());
    sentence(text, "Owner: ", about.owner());
    sentence(text, "Impact: ", about.impact());
    text.append("Since ").append(TIME.format(incident.openedAt())).append(". ");
    return text.toString();
  }

  private static List<String> measures(MonitorAlerting about, AlertFacts facts, Instant now) {
    List<String> measures = new ArrayList<>();
    facts.oldestJobAge().ifPresent(age -> measures.add("oldest job " + Durations.human(age)
        + about.sla().map(sla -> " (SLA " + Durations.human(sla) + ")").orElse("")));
    facts.waiting().ifPresent(waiting -> measures.add(waiting + " waiting"));
    facts.lastSuccessAt().ifPresent(at -> measures.add("last success " + ago(at, now)));
    return measures;
  }

  private static void sentence(StringBuilder text, String label, String value) {
    if (value != null && !value.isBlank()) {
      text.append(label).append(value.strip()).append(value.strip().endsWith(".") ? " " : ". ");
    }
  }

  /** e.g. "RESOLVED: Receipt emails queue. Down for 4m12s, since 2026-11-23 14:02:11 UTC. …" */
  public static String resolved(Incident incident, String how, String link) {
    Instant end = incident.resolvedAt().orElseThrow();
    String by = incident.resolvedBy().isEmpty() ? "" : " Resolved by hand by " + incident.resolvedBy() + ".";
    return "RESOLVED: " + incident.monitorName() + ". Down for "
        + Durations.human(Duration.between(incident.openedAt(), end)) + ", since "
        + TIME.format(incident.openedAt()) + "." + by + " " + how + ". " + link;
  }

  /** e.g. "FALSE ALARM: Nightly report. Not down after all: a ping received 14:01:07 UTC in eu-west …" */
  public static String falseAlarm(Incident incident, String how, String link) {
    return "FALSE ALARM: " + incident.monitorName() + ". Not down after all: " + how + ". Alert sent "
        + TIME.format(incident.openedAt()) + ". " + link;
  }

  /** e.g. "ACKNOWLEDGED: Receipts queue, by alice: looking at the worker pool. Down since …" */
  public static String acknowledged(Incident incident, String note, String link) {
    return "ACKNOWLEDGED: " + incident.monitorName() + ", by " + incident.acknowledgedBy()
        + (note.isBlank() ? "" : ": " + note.strip()) + ". Down since " + TIME.format(incident.openedAt()) + ". " + link;
  }

  /** e.g. "STILL DOWN (reminder 2): Receipts queue, down for 1h, not acknowledged. Reason: …" */
  public static String reminder(Incident incident, int number, Instant now, String link) {
    return "STILL DOWN (reminder " + number + "): " + incident.monitorName() + ", down for "
        + Durations.human(Duration.between(incident.openedAt(), now)) + ", not acknowledged. "
        + (incident.reason().isBlank() ? "" : "Reason: " + incident.reason() + ". ") + link;
  }

  /** e.g. "ESCALATED: Receipts queue, down for 15m and not acknowledged. Reason: …" */
  public static String escalated(Incident incident, Instant now, String link) {
    return "ESCALATED: " + incident.monitorName() + ", down for "
        + Durations.human(Duration.between(incident.openedAt(), now)) + " and not acknowledged. "
        + (incident.reason().isBlank() ? "" : "Reason: " + incident.reason() + ". ") + link;
  }

  public static String time(Instant instant) {
    return TIME.format(instant);
  }

  /** e.g. "21m ago" (seconds dropped above a minute, so alerts read cleanly). */
  public static String ago(Instant then, Instant now) {
    Duration age = Duration.between(then, now);
    if (age.isNegative()) {
      age = Duration.ZERO;
    }
    Duration rounded = age.compareTo(Duration.ofMinutes(1)) >= 0 ? Duration.ofMinutes(age.toMinutes()) : age;
    return Durations.human(rounded) + " ago";
  }

  private static String times(int count) {
    return count == 1 ? "once" : count + " times";
  }
}
