package io.quorate.local;

import java.time.temporal.ChronoUnit;
import java.util.List;

/** The webhook sink's page: what the coordinators delivered, newest first. */
final class WebhookSinkPage {
  private static final String REFRESH = "<meta http-equiv=\"refresh\" content=\"5\">";

  private WebhookSinkPage() {}

  static String render(List<WebhookSink.Delivery> deliveries) {
    StringBuilder body = new StringBuilder();
    body.append("<p>Every webhook the coordinators deliver to this sink, newest first. This page reloads every"
        + " 5 s; JSON at <a href=\"/deliveries\">/deliveries</a>.</p>");
    if (deliveries.isEmpty()) {
      body.append("<p>Nothing yet. Make two regions fail on the demo queue's page and wait for the incident.</p>");
      return Html.page("Webhook sink", REFRESH, body.toString());
    }
    body.append("<table><thead><tr><th>Received</th><th>Event</th><th>Text</th><th>Delivery id</th></tr></thead><tbody>");
    for (WebhookSink.Delivery d : deliveries) {
      body.append("<tr><td>").append(Html.escape(d.receivedAt().truncatedTo(ChronoUnit.SECONDS).toString()))
          .append("</td><td>").append(Html.escape(d.event()))
          .append("</td><td>").append(Html.escape(d.text()))
          .append("</td><td><code>").append(Html.escape(d.deliveryId())).append("</code>")
          .append(d.repeat() ? " (repeat)" : "").append("</td></tr>");
    }
    body.append("</tbody></table>");
    return Html.page("Webhook sink", REFRESH, body.toString());
  }
}
