package io.quorate.coordinator.status;

import static io.quorate.coordinator.status.Html.text;

import java.util.List;
import java.util.Optional;

/**
 * {@code /status}, rendered on the server so it reads without JavaScript: the overall state, active
 * incidents, each public component with its state and 90 daily uptime bars, and recent incidents. States
 * are a symbol plus a word; each bar carries its day and percentage as text. {@code assets/status.js}
 * only reloads the page when the status changes.
 */
final class StatusPage {
  private StatusPage() {}

  /** @param jsonEtag the ETag of the JSON this page shows, which status.js compares to notice changes */
  static String render(StatusSnapshot snapshot, String jsonEtag) {
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(text(headline(snapshot))).append(" · Service status</title>\n")
        .append("<meta name=\"quorate-status-etag\" content=\"").append(text(jsonEtag)).append("\">\n")
        .append("<link rel=\"stylesheet\" href=\"/assets/quorate.css\">\n")
        .append("<script src=\"/assets/status.js\" defer></script>\n</head>\n<body>\n")
        .append("<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n")
        .append("<header class=\"topbar\"><h1>Service status</h1></header>\n")
        .append("<main id=\"main\" class=\"narrow\">\n");
    overall(html, snapshot);
    if (!snapshot.activeIncidents().isEmpty()) {
      IncidentHtml.section(html, "active-title", "Active incidents", snapshot.activeIncidents(), "");
    }
    components(html, snapshot.components());
    IncidentHtml.section(html, "recent-title", "Past incidents (last " + StatusSnapshot.RECENT_DAYS + " days)",
        snapshot.recentIncidents(), "No incidents in the last " + StatusSnapshot.RECENT_DAYS + " days.");
    html.append("</main>\n<footer class=\"narrow page-footer\"><p>Times are in UTC. This status is also available as")
        .append(" <a href=\"/api/v1/status\">JSON</a>.</p></footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private static String headline(StatusSnapshot snapshot) {
    if (snapshot.components().isEmpty()) {
      return "No public components yet";
    }
    return switch (snapshot.overall()) {
      case OPERATIONAL -> "All systems operational";
      case DEGRADED -> "Some systems are degraded";
      case OUTAGE -> "Major outage";
      case UNKNOWN -> "Status unknown";
    };
  }

  private static void overall(StringBuilder html, StatusSnapshot snapshot) {
    int active = snapshot.activeIncidents().size();
    html.append("<section class=\"overall overall-").append(snapshot.overall().label())
        .append("\" aria-labelledby=\"overall-title\"><span class=\"symbol\" aria-hidden=\"true\">")
        .append(snapshot.overall().symbol()).append("</span><div><h2 id=\"overall-title\">")
        .append(text(headline(snapshot))).append("</h2><p>")
        .append(active == 0 ? "No active incidents." : active + (active == 1 ? " active incident." : " active incidents."))
        .append("</p></div></section>\n");
  }

  private static void components(StringBuilder html, List<Component> components) {
    html.append("<section aria-labelledby=\"components-title\"><h2 id=\"components-title\">Components</h2>\n")
        .append("<p class=\"hint\">Each bar is one day (UTC), oldest first, over the last ").append(Uptime.DAYS)
        .append(" days. Solid: up all day. Striped: some downtime. Hollow: no data.</p>\n");
    Optional<String> group = Optional.empty();
    boolean listOpen = false;
    for (Component component : components) {
      if (!listOpen || !component.group().equals(group)) {
        if (listOpen) {
          html.append("</ul>\n");
        }
        group = component.group();
        group.ifPresent(g -> html.append("<h3 class=\"component-group\">").append(text(g)).append("</h3>\n"));
        html.append("<ul class=\"component-list\">\n");
        listOpen = true;
      }
      ComponentHtml.item(html, component);
    }
    if (listOpen) {
      html.append("</ul>\n");
    } else {
      html.append("<p class=\"muted\">No components are shown publicly yet.</p>\n");
    }
    html.append("</section>\n");
  }
}
