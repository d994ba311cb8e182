package io.quorate.probe.ping;

import io.quorate.link.v1.HeartbeatTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The heartbeat monitors whose pings this probe accepts, by how a ping URL names them: the ping id (uuid)
 * and, when the monitor has a slug, {@code <ping key>/<slug>}. Kept through link outages: a probe that lost
 * its coordinator still accepts (and spools) pings for the work it last knew.
 * Used on the probe node's event loop only; {@link #size()} and {@link #ready()} may be read anywhere.
 */
public final class HeartbeatTargets {
  private final Map<String, String> monitorByName = new HashMap<>();
  private final Map<String, List<String>> namesByMonitor = new HashMap<>();
  private final Map<String, HeartbeatTarget> targetByMonitor = new HashMap<>();
  private boolean changed;
  private volatile boolean ready;
  private volatile int size;

  /** Makes {@code targets} the complete set. The first call marks the probe ready for pings. */
  public void replaceAll(List<HeartbeatTarget> targets) {
    monitorByName.clear();
    namesByMonitor.clear();
    targetByMonitor.clear();
    targets.forEach(this::upsert);
    ready = true;
    size = namesByMonitor.size();
  }

  public void upsert(HeartbeatTarget target) {
    remove(target.getMonitorId());
    List<String> names = target.getSlug().isEmpty() || target.getPingKey().isEmpty()
        ? List.of(normalize(target.getPingId()))
        : List.of(normalize(target.getPingId()), normalize(target.getPingKey() + "/" + target.getSlug()));
    names.forEach(name -> monitorByName.put(name, target.getMonitorId()));
    namesByMonitor.put(target.getMonitorId(), names);
    targetByMonitor.put(target.getMonitorId(), target);
    changed = true;
    size = namesByMonitor.size();
  }

  /** Forgets the monitor; unknown ids are ignored. */
  public void remove(String monitorId) {
    List<String> names = namesByMonitor.remove(monitorId);
    if (names != null) {
      names.forEach(monitorByName::remove);
      targetByMonitor.remove(monitorId);
      changed = true;
    }
    size = namesByMonitor.size();
  }

  /** The monitor a ping URL names: {@code <uuid>} or {@code <ping key>/<slug>}, case-insensitive. */
  public Optional<String> monitorFor(String target) {
    return Optional.ofNullable(monitorByName.get(normalize(target)));
  }

  /** The targets, when they changed since the last call (to be saved); empty when they did not. */
  public java.util.Optional<List<HeartbeatTarget>> takeChanges() {
    if (!changed) {
      return java.util.Optional.empty();
    }
    changed = false;
    return java.util.Optional.of(List.copyOf(targetByMonitor.values()));
  }

  /** Whether an assignment snapshot has arrived since start: before that, no ping id is known yet. */
  public boolean ready() {
    return ready;
  }

  public int size() {
    return size;
  }

  private static String normalize(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
