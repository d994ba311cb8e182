package io.quorate.bench.coordinator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which one simulated region reports on the monitors: all of them in turn, starting at its own
 * offset so the regions do not report on the same monitor at the same moment (which would only measure
 * the coordinator's per-monitor row lock), skipping the monitors set aside for the time-to-incident sample.
 * Not thread-safe.
 */
final class MonitorCycle {
  /** One monitor as the snapshot assigned it. */
  record Assigned(String id, long version) {
  }

  private final List<Assigned> monitors;
  private final Set<String> excluded = new HashSet<>();
  private int next;

  /** @param offset where this region starts, e.g. {@code regionIndex * size / regions} */
  MonitorCycle(List<Assigned> monitors, int offset) {
    if (monitors.isEmpty()) {
      throw new IllegalArgumentException("no monitors to report on");
    }
    this.monitors = List.copyOf(monitors);
    this.next = Math.floorMod(offset, monitors.size());
  }

  static int offset(int regionIndex, int regions, int size) {
    return (int) ((long) regionIndex * size / regions);
  }

  int size() {
    return monitors.size();
  }

  List<Assigned> monitors() {
    return monitors;
  }

  /** Stops reporting on these monitors; at least one must remain. */
  void exclude(Set<String> ids) {
    excluded.addAll(ids);
    if (excluded.size() >= monitors.size() && monitors.stream().allMatch(m -> excluded.contains(m.id()))) {
      throw new IllegalArgumentException("every monitor would be excluded");
    }
  }

  Assigned next() {
    while (true) {
      Assigned monitor = monitors.get(next);
      next = next + 1 == monitors.size() ? 0 : next + 1;
      if (excluded.isEmpty() || !excluded.contains(monitor.id())) {
        return monitor;
      }
    }
  }
}
