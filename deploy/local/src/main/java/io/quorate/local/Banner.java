package io.quorate.local;

import java.nio.file.Path;
import java.util.Optional;

/** What the launcher prints once everything runs: where to click and what to type. */
final class Banner {
  private Banner() {}

  static String render(Topology topology, TokenStore.Tokens tokens, Optional<String> pingUrl, Path dataDir, String dbUrl) {
    Secret adminToken = tokens.admin();
    String app = "http://localhost:" + topology.coordinators().get(0).httpPort();
    String second = "http://localhost:" + topology.coordinators().get(1).httpPort();
    String queue = "http://localhost:" + topology.demoQueuePort();
    String sink = "http://localhost:" + topology.webhookSinkPort();
    String rule = "=".repeat(78);
    StringBuilder b = new StringBuilder();
    b.append('\n').append(rule).append('\n');
    b.append("  Quorate is running: 2 coordinators, probes in ").append(String.join(", ", Topology.REGIONS)).append("\n\n");
    row(b, "Team view", app + "/app   (sign in as " + SampleSetup.ADMIN_USER + " with the password below)");
    row(b, "Password", tokens.adminPassword().reveal());
    row(b, "Status page", app + "/status");
    row(b, "2nd coordinator", second + "/app");
    row(b, "API base", topology.apiBase());
    row(b, "Admin token", adminToken.reveal() + "   (for the API and coordinator.jar apply)");
    b.append('\n');
    row(b, "Demo queue", queue + "/   (tick regions to give them a backlog)");
    b.append("      make eu-west and us-east fail:  curl -X POST '").append(queue).append("/fail?regions=eu-west,us-east'\n");
    b.append("      recover:                        curl -X POST ").append(queue).append("/recover\n");
    row(b, "Webhook sink", sink + "/   (deliveries also print here as [webhook] lines)");
    b.append('\n');
    if (pingUrl.isPresent()) {
      row(b, "Heartbeat ping", pingUrl.get() + "   (\"" + SampleSetup.HEARTBEAT_MONITOR + "\", every 1m, grace 30s)");
      b.append("      ping it:  curl -fsS -m 10 ").append(pingUrl.get()).append('\n');
    } else {
      row(b, "Heartbeat ping", "(the API returned no ping_url for \"" + SampleSetup.HEARTBEAT_MONITOR + "\")");
    }
    b.append('\n');
    row(b, "Try the API", "curl -H 'Authorization: Bearer " + adminToken.reveal() + "' " + topology.apiBase() + "/monitors");
    row(b, "Database", dbUrl);
    row(b, "Logs and data", dataDir.toAbsolutePath() + "   (delete it to start over)");
    b.append('\n').append("  Ctrl-C stops everything.\n").append(rule).append("\n\n");
    return b.toString();
  }

  private static void row(StringBuilder b, String label, String value) {
    b.append(String.format("  %-16s %s%n", label, value));
  }
}
