package io.quorate.coordinator.incident;

import io.quorate.coordinator.monitor.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The sentences people read in alerts: what is down, why, who agrees, since when, and where to look. */
public final class AlertText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private AlertText() {}

  /** e.g. "DOWN: Receipt emails queue. 2 of 3 regions down (eu-west, us-east); quorum 2. Reason: …" */
  public static String opened(Incident incident, String agreement, String link) {
    StringBuilder text = new StringBuilder("DOWN: ").append(incident.monitorName()).append(". ");
    if (!agreement.isBlank()) {
      text.append(agreement).append(". ");
    }
    if (!incident.reason().isBlank()) {
      text.append("Reason: ").append(incident.reason()).append(". ");
    }
    text.append("Since ").append(TIME.format(incident.openedAt())).append(". ").append(link);
    return text.toString();
  }

  /** e.g. "RESOLVED: Receipt emails queue. Down for 4m12s, since 2026-11-23 14:02:11 UTC. …" */
  public static String resolved(Incident incident, String how, String link) {
    Instant end = incident.resolvedAt().orElseThrow();
    return "RESOLVED: " + incident.monitorName() + ". Down for "
        + Durations.human(Duration.between(incident.openedAt(), end)) + ", since "
        + TIME.format(incident.openedAt()) + ". " + how + ". " + link;
  }

  /** e.g. "FALSE ALARM: Nightly report. Not down after all: a ping received 14:01:07 UTC in eu-west …" */
  public static String falseAlarm(Incident incident, String how, String link) {
    return "FALSE ALARM: " + incident.monitorName() + ". Not down after all: " + how + ". Alert sent "
        + TIME.format(incident.openedAt()) + ". " + link;
  }

  public static String time(Instant instant) {
    return TIME.format(instant);
  }
}
