package io.quorate.coordinator.region;

import io.quorate.coordinator.config.ProbeHealthLimits;
import io.quorate.coordinator.sweep.PeriodicSweep;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On every coordinator node, every {@code every}: judges each probe region from {@code probe_nodes}, keeps
 * the regions that must not vote for this node's quorum decisions, and opens or resolves the regions'
 * "probe region degraded" incidents (exactly once across nodes, see {@link RegionIncidents}).
 */
public final class RegionHealthSweep {
  private static final Logger log = LoggerFactory.getLogger(RegionHealthSweep.class);
  private final Pool pool;
  private final Clock clock;
  private final ProbeHealthLimits limits;
  private final Supplier<String> alertLink;
  private final PeriodicSweep sweep;
  private final Runnable afterAlert;
  private volatile Map<String, String> excluded = Map.of();
  private volatile List<RegionHealth> latest = List.of();

  public RegionHealthSweep(Vertx vertx, Pool pool, Clock clock, ProbeHealthLimits limits, Duration every,
      Supplier<String> alertLink, Runnable afterAlert) {
    this.pool = pool;
    this.clock = clock;
    this.limits = limits;
    this.alertLink = alertLink;
    this.afterAlert = afterAlert;
    this.sweep = new PeriodicSweep(vertx, every, this::pass);
  }

  public void start() {
    sweep.start();
  }

  public void stop() {
    sweep.stop();
  }

  /** Regions that must not vote now, with why: read by every quorum decision on this node. */
  public Map<String, String> excludedRegions() {
    return excluded;
  }

  /** Each region's health as of the last pass. */
  public List<RegionHealth> regions() {
    return latest;
  }

  /** One pass now (also used by the API, so what it shows is current). */
  public Future<List<RegionHealth>> runOnce() {
    return sweep.runOnce().map(v -> latest);
  }

  private Future<Void> pass() {
    Instant now = clock.instant();
    return ProbeNodes.all(pool, now)
        .compose(nodes -> {
          List<RegionHealth> regions = RegionHealth.assess(nodes, now, limits);
          Map<String, String> degraded = new HashMap<>();
          regions.stream().filter(RegionHealth::degraded).forEach(r -> degraded.put(r.region(), r.reason()));
          excluded = Map.copyOf(degraded);
          latest = regions;
          return reconcile(regions, now);
        })
        .onFailure(error -> log.warn("probe region health pass failed error={}", error.toString()));
  }

  /**
   * Opens incidents for degraded regions without one, resolves those of regions healthy again or forgotten.
   * Reads the open incidents first, so a quiet pass writes nothing.
   */
  private Future<Void> reconcile(List<RegionHealth> regions, Instant now) {
    return RegionIncidents.recent(pool, now).compose(incidents -> {
      Set<String> open = new HashSet<>();
      incidents.stream().filter(i -> i.resolvedAt().isEmpty()).forEach(i -> open.add(i.region()));
      List<Supplier<Future<Boolean>>> changes = new ArrayList<>();
      for (RegionHealth region : regions) {
        if (region.degraded() && !open.contains(region.region())) {
          changes.add(() -> RegionIncidents.open(pool, region.region(), region.reason(), now, alertLink.get()));
        } else if (!region.degraded() && RegionHealth.HEALTHY.equals(region.reason()) && open.contains(region.region())) {
          changes.add(() -> RegionIncidents.resolve(pool, region.region(), "probe healthy again", now, alertLink.get()));
        }
      }
      Set<String> known = new HashSet<>();
      regions.forEach(region -> known.add(region.region()));
      for (String region : open) {
        if (!known.contains(region)) {
          changes.add(() -> RegionIncidents.resolve(pool, region, "region retired: no probe node for "
              + ProbeNodes.FORGET_AFTER.toDays() + " days", now, alertLink.get()));
        }
      }
      return applyInOrder(changes);
    });
  }

  private Future<Void> applyInOrder(List<Supplier<Future<Boolean>>> changes) {
    Future<Boolean> chain = Future.succeededFuture(false);
    for (Supplier<Future<Boolean>> change : changes) {
      chain = chain.compose(before -> change.get().map(changed -> before || changed));
    }
    return chain.map(alerted -> {
      if (alerted) {
        afterAlert.run(); // deliver now rather than at the dispatcher's next tick
      }
      return null;
    });
  }
}
