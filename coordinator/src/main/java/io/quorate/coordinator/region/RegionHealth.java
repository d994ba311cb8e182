package io.quorate.coordinator.region;

import io.quorate.coordinator.config.ProbeHealthLimits;
import io.quorate.coordinator.monitor.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a probe region can be trusted to vote, as a pure function of what its nodes last reported. A
 * region is degraded when no node of it has been heard from for the limit (disconnected), when every live
 * node says it cannot reach the world (its connectivity check fails), or when every live node's watermark
 * is older than the lag limit. One healthy node is enough for the region.
 */
public record RegionHealth(String region, boolean degraded, String reason, List<ProbeNode> nodes) {
  /** The reason of a region that votes and has a live node; a region "reconnecting" votes but is not settled. */
  public static final String HEALTHY = "healthy";
  static final String RECONNECTING = "reconnecting";

  public static List<RegionHealth> assess(List<ProbeNode> nodes, Instant now, ProbeHealthLimits limits) {
    Map<String, List<ProbeNode>> byRegion = new TreeMap<>();
    nodes.forEach(node -> byRegion.computeIfAbsent(node.region(), r -> new ArrayList<>()).add(node));
    List<RegionHealth> regions = new ArrayList<>();
    byRegion.forEach((region, members) -> regions.add(assess(region, members, now, limits)));
    return regions;
  }

  static RegionHealth assess(String region, List<ProbeNode> nodes, Instant now, ProbeHealthLimits limits) {
    List<ProbeNode> live = nodes.stream().filter(node -> node.live(now, limits.lostAfter())).toList();
    if (live.isEmpty()) {
      Instant lastHeard = nodes.stream().map(ProbeNode::lastHeard).max(Instant::compareTo).orElse(now);
      Duration silent = Duration.between(lastHeard, now);
      if (silent.compareTo(limits.lostAfter()) < 0) {
        // Just disconnected: a probe moving to another coordinator node comes back within seconds.
        return new RegionHealth(region, false, RECONNECTING, nodes);
      }
      return new RegionHealth(region, true, "probe disconnected: no node heard from for " + Durations.human(silent),
          nodes);
    }
    if (live.stream().noneMatch(ProbeNode::connectivityOk)) {
      return new RegionHealth(region, true, "probe cannot reach the network: " + live.get(0).connectivityDetail(), nodes);
    }
    List<ProbeNode> usable = live.stream().filter(ProbeNode::connectivityOk).toList();
    if (usable.stream().allMatch(node -> lagging(node, now, limits.lagLimit()))) {
      ProbeNode least = usable.stream().min((a, b) -> a.lag(now).orElseThrow().compareTo(b.lag(now).orElseThrow()))
          .orElseThrow();
      return new RegionHealth(region, true, "probe lagging: what it reports is " + Durations.human(least.lag(now)
          .orElseThrow()) + " behind (" + least.eventsPending() + " events waiting)", nodes);
    }
    return new RegionHealth(region, false, HEALTHY, nodes);
  }

  private static boolean lagging(ProbeNode node, Instant now, Duration limit) {
    return node.lag(now).map(lag -> lag.compareTo(limit) > 0).orElse(false);
  }
}
