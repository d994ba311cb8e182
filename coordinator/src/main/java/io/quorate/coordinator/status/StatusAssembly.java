package io.quorate.coordinator.status;

import io.quorate.coordinator.heartbeat.HeartbeatView;
import io.quorate.coordinator.incident.PublicUpdate;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorJson;
import io.quorate.coordinator.quorum.RegionVerdict;
import io.quorate.coordinator.status.StatusLoader.IncidentSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds the {@link StatusSnapshot} from what {@link StatusLoader} read: no I/O, no clock of its own. */
final class StatusAssembly {
  private static final Comparator<Monitor> DISPLAY_ORDER = Comparator
      .comparing((Monitor m) -> m.listing().group().map(g -> g.toLowerCase(Locale.ROOT)).orElse(""))
      .thenComparing(m -> m.listing().shownName(m.name()).toLowerCase(Locale.ROOT))
      .thenComparing(Monitor::id);

  private StatusAssembly() {}

  static StatusSnapshot assemble(List<Monitor> monitors, Map<UUID, Map<String, RegionVerdict>> verdicts,
      Map<UUID, HeartbeatView> heartbeats, List<IncidentSpan> incidents, Map<UUID, List<PublicUpdate>> updates,
      Instant now) {
    List<Monitor> ordered = monitors.stream().sorted(DISPLAY_ORDER).toList();
    Map<UUID, List<IncidentSpan>> byMonitor = new HashMap<>();
    incidents.forEach(i -> byMonitor.computeIfAbsent(i.monitorId(), id -> new ArrayList<>()).add(i));
    List<String> slugs = BadgeSlugs.assign(ordered.stream().map(m -> new BadgeSlugs.Wish(m.listing().slug(),
        m.listing().derivedSlug(m.name()))).toList());
    List<Component> components = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Monitor monitor = ordered.get(i);
      List<IncidentSpan> own = byMonitor.getOrDefault(monitor.id(), List.of());
      components.add(new Component(monitor.listing().shownName(monitor.name()), monitor.listing().group(), slugs.get(i),
          state(monitor, own, verdicts, heartbeats), Uptime.compute(monitor.createdAt(), downtimes(own, now), now)));
    }
    Map<UUID, String> names = new HashMap<>();
    ordered.forEach(m -> names.put(m.id(), m.listing().shownName(m.name())));
    List<PublicIncident> shown = shownIncidents(incidents, updates, names, now);
    return new StatusSnapshot(PublicState.overall(components.stream().map(Component::state).toList()), components,
        shown.stream().filter(PublicIncident::isActive).toList(),
        shown.stream().filter(i -> !i.isActive()).toList());
  }

  private static PublicState state(Monitor monitor, List<IncidentSpan> incidents,
      Map<UUID, Map<String, RegionVerdict>> verdicts, Map<UUID, HeartbeatView> heartbeats) {
    if (incidents.stream().anyMatch(i -> i.resolvedAt().isEmpty())) {
      return PublicState.OUTAGE;
    }
    List<RegionVerdict> own = List.copyOf(verdicts.getOrDefault(monitor.id(), Map.of()).values());
    return PublicState.ofMonitorState(MonitorJson.state(monitor, own, Optional.empty(),
        Optional.ofNullable(heartbeats.get(monitor.id()))));
  }

  /** False alarms (late pings from before the deadline) were no downtime. */
  private static List<Downtime> downtimes(List<IncidentSpan> incidents, Instant now) {
    return incidents.stream().filter(i -> !i.falseAlarm())
        .map(i -> new Downtime(i.openedAt(), i.resolvedAt().orElse(now)))
        .filter(d -> !d.to().isBefore(d.from()))
        .toList();
  }

  /**
   * Active incidents, and those resolved within {@link StatusSnapshot#RECENT_DAYS} days, newest first. A false
   * alarm is listed only when the team wrote about it.
   */
  private static List<PublicIncident> shownIncidents(List<IncidentSpan> incidents, Map<UUID, List<PublicUpdate>> updates,
      Map<UUID, String> names, Instant now) {
    Instant recent = now.minus(Duration.ofDays(StatusSnapshot.RECENT_DAYS));
    return incidents.stream()
        .filter(i -> i.resolvedAt().map(resolved -> resolved.isAfter(recent)).orElse(true))
        .filter(i -> !i.falseAlarm() || updates.containsKey(i.id()))
        .sorted(Comparator.comparing(IncidentSpan::openedAt).reversed().thenComparing(IncidentSpan::id))
        .map(i -> new PublicIncident(i.id(), names.get(i.monitorId()), i.openedAt(), i.resolvedAt(),
            updates.getOrDefault(i.id(), List.of())))
        .toList();
  }
}
