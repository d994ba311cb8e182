package io.quorate.coordinator.status;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * One bar of the uptime history: a UTC day and the percentage of it the component was up, floored to two
 * decimals so any downtime at all never reads as 100%.
 *
 * @param upPercent empty for "no data": the component did not exist yet that day
 */
public record UptimeDay(LocalDate date, OptionalDouble upPercent) {
  /** "2026-11-03: 99.20% up", "2026-11-03: no data": the bar's text for screen readers and tooltips. */
  public String describe() {
    return date + ": " + (upPercent.isPresent() ? Uptime.format(upPercent.getAsDouble()) + " up" : "no data");
  }
}
