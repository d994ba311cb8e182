package io.quorate.coordinator.status;

import static io.quorate.coordinator.status.Html.text;

import io.quorate.coordinator.incident.PublicUpdate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The incident sections of the status page: each incident with its public updates, newest first. */
final class IncidentHtml {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private IncidentHtml() {}

  static void section(StringBuilder html, String id, String title, List<PublicIncident> incidents, String whenNone) {
    html.append("<section aria-labelledby=\"").append(id).append("\"><h2 id=\"").append(id).append("\">")
        .append(text(title)).append("</h2>\n");
    if (incidents.isEmpty()) {
      html.append("<p class=\"muted\">").append(text(whenNone)).append("</p>\n");
    }
    incidents.forEach(incident -> article(html, incident));
    html.append("</section>\n");
  }

  private static void article(StringBuilder html, PublicIncident incident) {
    html.append("<article class=\"card incident").append(incident.isActive() ? "" : " incident-resolved")
        .append("\" id=\"incident-").append(incident.id()).append("\">")
        .append("<h3>").append(text(incident.component())).append("</h3>")
        .append("<p class=\"muted\">Started ").append(time(incident.startedAt()));
    incident.resolvedAt().ifPresent(end -> html.append(" · Resolved ").append(time(end)));
    html.append("</p>");
    if (incident.updates().isEmpty()) {
      html.append("<p>").append(incident.isActive() ? "We are looking into it. Updates will follow here."
          : "No update was posted.").append("</p>");
    } else {
      html.append("<ol class=\"public-updates\" reversed>");
      incident.updatesNewestFirst().forEach(update -> update(html, update));
      html.append("</ol>");
    }
    html.append("</article>\n");
  }

  private static void update(StringBuilder html, PublicUpdate update) {
    html.append("<li><p><strong>").append(text(capitalized(update.status()))).append("</strong> ")
        .append(time(update.createdAt())).append("</p><p class=\"update-message\">").append(text(update.message()))
        .append("</p></li>");
  }

  static String time(Instant at) {
    return "<time datetime=\"" + at + "\">" + SHOWN.format(at) + "</time>";
  }

  private static String capitalized(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
