package io.quorate.probe.ping;

import io.quorate.link.v1.HeartbeatTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The heartbeat monitors whose pings this probe accepts, by ping id. Kept through link outages: a probe
 * that lost its coordinator still accepts (and queues) pings for the work it last knew.
 * Used on the probe node's event loop only; {@link #size()} and {@link #ready()} may be read anywhere.
 */
public final class HeartbeatTargets {
  private final Map<String, String> monitorByPingId = new HashMap<>();
  private final Map<String, String> pingIdByMonitor = new HashMap<>();
  private volatile boolean ready;
  private volatile int size;

  /** Makes {@code targets} the complete set. The first call marks the probe ready for pings. */
  public void replaceAll(List<HeartbeatTarget> targets) {
    monitorByPingId.clear();
    pingIdByMonitor.clear();
    targets.forEach(this::upsert);
    ready = true;
  }

  public void upsert(HeartbeatTarget target) {
    remove(target.getMonitorId());
    String pingId = normalize(target.getPingId());
    monitorByPingId.put(pingId, target.getMonitorId());
    pingIdByMonitor.put(target.getMonitorId(), pingId);
    size = monitorByPingId.size();
  }

  /** Forgets the monitor's ping id; unknown ids are ignored. */
  public void remove(String monitorId) {
    String pingId = pingIdByMonitor.remove(monitorId);
    if (pingId != null) {
      monitorByPingId.remove(pingId);
    }
    size = monitorByPingId.size();
  }

  /** The monitor a ping id belongs to. */
  public Optional<String> monitorFor(String pingId) {
    return Optional.ofNullable(monitorByPingId.get(normalize(pingId)));
  }

  /** Whether an assignment snapshot has arrived since start: before that, no ping id is known yet. */
  public boolean ready() {
    return ready;
  }

  public int size() {
    return size;
  }

  private static String normalize(String pingId) {
    return pingId.strip().toLowerCase(Locale.ROOT);
  }
}
