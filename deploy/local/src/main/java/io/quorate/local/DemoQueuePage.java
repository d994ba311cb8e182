package io.quorate.local;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The demo queue's control page: a checkbox per region, plus the curl lines that do the same. */
final class DemoQueuePage {
  private DemoQueuePage() {}

  static String render(List<String> regions, Set<String> failing, int port) {
    Set<String> shown = new LinkedHashSet<>(regions); // the regions in their usual order, then any extra
    shown.addAll(new TreeSet<>(failing));
    StringBuilder body = new StringBuilder();
    body.append("<p>A stand-in for a job queue. The probes of each region read <code>GET /queues/receipts</code>;"
        + " a region marked failing sees a backlog of 5234 jobs, which breaks the condition"
        + " <code>[BODY].enqueued &lt; 1000</code>. With a quorum of 2, two failing regions open an incident;"
        + " one does not.</p>");
    body.append("<form method=\"post\" action=\"/fail\"><fieldset><legend>Regions seeing a backlog</legend>");
    for (String region : shown) {
      String name = Html.escape(region);
      body.append("<label><input type=\"checkbox\" name=\"regions\" value=\"").append(name).append('"')
          .append(failing.contains(region) ? " checked" : "").append("> ").append(name).append(" — ")
          .append(failing.contains(region) ? "<span class=\"down\">failing</span>" : "<span class=\"up\">healthy</span>")
          .append(" (<a href=\"/queues/receipts?region=").append(name).append("\">what its probe sees</a>)</label>");
    }
    body.append("</fieldset><p><button type=\"submit\">Apply</button></p></form>");
    body.append("<form method=\"post\" action=\"/recover\"><button type=\"submit\">Recover all regions</button></form>");
    String base = "http://localhost:" + port;
    body.append("<h2>From a terminal</h2><pre>curl -X POST '").append(base).append("/fail?regions=eu-west,us-east'\n")
        .append("curl -X POST ").append(base).append("/recover\n")
        .append("curl -H 'X-Quorate-Region: eu-west' ").append(base).append("/queues/receipts</pre>");
    body.append("<p><code>/fail</code> sets exactly the regions given; <code>/recover</code> clears them.</p>");
    return Html.page("Demo queue service", body.toString());
  }
}
