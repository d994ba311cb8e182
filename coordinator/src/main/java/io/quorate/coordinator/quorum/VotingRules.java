package io.quorate.coordinator.quorum;

import io.quorate.coordinator.monitor.HttpSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.coordinator.monitor.MonitorStore.LockedMonitor;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP monitors' {@link VotingRule}s by monitor and version, so a batch reads only the versions of the monitors it
 * locks, and whole monitors only for those whose version this node has not seen: reading and parsing every
 * monitor's spec and alerting JSON for every batch was about a tenth of ingest's work in the database and the
 * coordinator (benchmark of 2026-12-05). An edit bumps the version, so a changed monitor is read again.
 *
 * <p>One entry (~200 bytes) per HTTP monitor this node has stored runs for; a monitor's entry goes when any node
 * announces a change to it ({@link #forget}), so deleted monitors do not pile up.
 */
final class VotingRules {
  private record Known(long version, VotingRule rule) {}

  private final Map<UUID, Known> known = new ConcurrentHashMap<>();

  /** Drops what is known of a monitor that changed or is gone; its next batch reads it again. */
  void forget(UUID monitorId) {
    known.remove(monitorId);
  }

  /**
   * @param locked monitors locked by this transaction, so their versions cannot change before it ends
   * @return each HTTP monitor's rule
   */
  Future<Map<UUID, VotingRule>> of(SqlClient tx, List<LockedMonitor> locked) {
    Map<UUID, VotingRule> rules = new HashMap<>();
    List<UUID> unknown = new ArrayList<>();
    for (LockedMonitor m : locked) {
      Known k = known.get(m.id());
      if (k != null && k.version() == m.version()) {
        rules.put(m.id(), k.rule());
      } else {
        unknown.add(m.id());
      }
    }
    if (unknown.isEmpty()) {
      return Future.succeededFuture(rules);
    }
    return MonitorStore.findAll(tx, unknown).map(monitors -> {
      for (Monitor monitor : monitors) {
        if (monitor.spec() instanceof HttpSpec http) {
          VotingRule rule = VotingRule.of(http);
          known.put(monitor.id(), new Known(monitor.version(), rule));
          rules.put(monitor.id(), rule);
        }
      }
      return rules;
    });
  }
}
