package io.quorate.coordinator.notify;

/** The kinds of notification, each with the headline and mark people see first in every channel. */
public enum AlertEvent {
  OPENED("incident.opened", "DOWN", "🔴"),
  REOPENED("incident.reopened", "DOWN AGAIN", "🔁"),
  RESOLVED("incident.resolved", "RESOLVED", "✅"),
  REMINDER("incident.reminder", "STILL DOWN", "⏰"),
  ESCALATED("incident.escalated", "ESCALATED", "🚨"),
  ACKNOWLEDGED("incident.acknowledged", "ACKNOWLEDGED", "👀"),
  TEST("test", "TEST", "🧪"),
  /** For Quorate's operators: a probe region stopped voting (disconnected, cut off, or lagging). */
  REGION_DEGRADED("region.degraded", "PROBE REGION DEGRADED", "📡"),
  REGION_RECOVERED("region.recovered", "PROBE REGION RECOVERED", "✅"),
  /** An event this coordinator does not know yet (sent by a newer node): still delivered, plainly. */
  OTHER("", "NOTICE", "ℹ️");

  private final String event;
  private final String headline;
  private final String mark;

  AlertEvent(String event, String headline, String mark) {
    this.event = event;
    this.headline = headline;
    this.mark = mark;
  }

  public static AlertEvent of(String event) {
    for (AlertEvent known : values()) {
      if (known != OTHER && known.event.equals(event)) {
        return known;
      }
    }
    return OTHER;
  }

  /** As the payload's {@code event} spells it. */
  public String event() {
    return event;
  }

  /** e.g. "DOWN", in capitals like the first word of the alert text. */
  public String headline() {
    return headline;
  }

  /** An emoji that shows the kind at a glance in chat clients. */
  public String mark() {
    return mark;
  }
}
