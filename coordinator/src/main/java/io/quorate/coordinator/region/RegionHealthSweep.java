package io.quorate.coordinator.region;

import io.quorate.coordinator.config.ProbeHealthLimits;
import io.quorate.coordinator.sweep.PeriodicSweep;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Opens incidents for degraded regions and resolves those of regions healthy again or forgotten. */
  private Future<Void> reconcile(List<RegionHealth> regions, Instant now) {
    Future<Boolean> chain = Future.succeededFuture(false);
    for (RegionHealth region : regions) {
      chain = chain.compose(alerted -> (region.degraded()
          ? RegionIncidents.open(pool, region.region(), region.reason(), now, alertLink.get())
          : "reconnecting".equals(region.reason()) ? Future.succeededFuture(false)
          : RegionIncidents.resolve(pool, region.region(), "probe healthy again", now, alertLink.get()))
          .map(changed -> alerted || changed));
    }
    List<String> known = regions.stream().map(RegionHealth::region).toList();
    chain = chain.compose(alerted -> RegionIncidents.recent(pool, now).compose(incidents -> {
      Future<Boolean> retire = Future.succeededFuture(alerted);
      for (RegionIncidents.RegionIncident incident : incidents) {
        if (incident.resolvedAt().isEmpty() && !known.contains(incident.region())) {
          retire = retire.compose(before -> RegionIncidents.resolve(pool, incident.region(),
              "region retired: no probe node for " + ProbeNodes.FORGET_AFTER.toDays() + " days", now, alertLink.get())
              .map(changed -> before || changed));
        }
      }
      return retire;
    }));
    return chain.map(alerted -> {
      if (alerted) {
        afterAlert.run();
      }
      return null;
    });
  }
}
