package io.quorate.coordinator.status;

import static io.quorate.coordinator.status.Html.text;

/** One component of the status page: name, state as symbol and word, uptime in words and as daily bars. */
final class ComponentHtml {
  /** Below this a day's bar shows as down rather than degraded: more than about 15 minutes of downtime. */
  private static final double MOSTLY_UP = 99.0;

  private ComponentHtml() {}

  static void item(StringBuilder html, Component component) {
    PublicState state = component.state();
    html.append("<li class=\"component\"><div class=\"component-head\"><span class=\"component-name\">")
        .append(text(component.name())).append("</span> <span class=\"badge badge-").append(state.label())
        .append("\"><span aria-hidden=\"true\">").append(state.symbol()).append("</span> ").append(state.word())
        .append("</span></div>\n<p class=\"uptime-summary\">").append(text(summary(component))).append("</p>\n")
        .append("<ol class=\"uptime-bars\" aria-label=\"").append(text("Daily uptime of " + component.name()))
        .append("\">");
    for (UptimeDay day : component.uptime().days()) {
      String words = text(day.describe());
      // The list item stays a list item (a list may only hold those); the bar inside is an image with its words.
      html.append("<li><span class=\"bar ").append(barClass(day)).append("\" role=\"img\" aria-label=\"").append(words)
          .append("\" title=\"").append(words).append("\"></span></li>");
    }
    html.append("</ol></li>\n");
  }

  private static String summary(Component component) {
    if (component.uptime().overall().isEmpty()) {
      return "No uptime data yet.";
    }
    long daysDown = component.uptime().days().stream()
        .filter(d -> d.upPercent().isPresent() && d.upPercent().getAsDouble() < 100.0).count();
    return Uptime.format(component.uptime().overall().getAsDouble()) + " uptime over the last " + Uptime.DAYS
        + " days; " + (daysDown == 0 ? "no day" : daysDown + (daysDown == 1 ? " day" : " days")) + " with downtime.";
  }

  private static String barClass(UptimeDay day) {
    if (day.upPercent().isEmpty()) {
      return "bar-none";
    }
    double up = day.upPercent().getAsDouble();
    return up >= 100.0 ? "bar-up" : up >= MOSTLY_UP ? "bar-degraded" : "bar-down";
  }
}
