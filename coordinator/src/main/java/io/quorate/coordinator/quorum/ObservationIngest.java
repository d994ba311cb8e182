package io.quorate.coordinator.quorum;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.incident.IncidentEvents;
import io.quorate.coordinator.incident.IncidentLifecycle;
import io.quorate.coordinator.incident.IncidentStore;
import io.quorate.coordinator.monitor.HttpSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores one observation and applies its consequences in one transaction: the region's verdict, the
 * quorum decision, and the incident it opens or resolves with its notifications. The monitor row is
 * locked first, so observations of one monitor arriving at different coordinator nodes are evaluated
 * one after another, each seeing the verdicts the previous one wrote.
 */
public final class ObservationIngest {
  private static final Logger log = LoggerFactory.getLogger(ObservationIngest.class);
  private final Pool pool;
  private final Clock clock;
  private final IncidentLifecycle incidents;
  private final Supplier<Map<String, String>> excludedRegions;

  /** @param excludedRegions probe regions that must not vote now, with why (their probes are degraded) */
  public ObservationIngest(Pool pool, Clock clock, IncidentLifecycle incidents,
      Supplier<Map<String, String>> excludedRegions) {
    this.pool = pool;
    this.clock = clock;
    this.incidents = incidents;
    this.excludedRegions = excludedRegions;
  }

  /**
   * @param region the region the probe authenticated for (the observation's own region field is not trusted)
   * @return succeeds once the observation is durable (or was already stored under this event id, or its
   *     monitor no longer exists): the caller may acknowledge it
   */
  public Future<Void> ingest(String eventId, String probeNode, String region, Observation observation) {
    UUID monitorId;
    try {
      monitorId = UUID.fromString(observation.getMonitorId());
    } catch (IllegalArgumentException e) {
      log.warn("observation for malformed monitor id dropped event={} region={}", eventId, region);
      return Future.succeededFuture();
    }
    Instant receivedAt = clock.instant();
    return pool.withTransaction(tx -> MonitorStore.find(tx, monitorId, true).compose(monitor -> {
      if (monitor.isEmpty() || !(monitor.get().spec() instanceof HttpSpec)) {
        return Future.succeededFuture(false);
      }
      return insert(tx, eventId, probeNode, region, observation, receivedAt).compose(inserted -> inserted
          ? evaluate(tx, monitor.get(), region, observation)
          : Future.succeededFuture(false));
    })).onSuccess(changed -> {
      if (changed) {
        incidents.afterCommit();
      }
    }).mapEmpty();
  }

  /** @return false when this event id was stored before (a resend after a reconnect) */
  private static Future<Boolean> insert(SqlClient tx, String eventId, String probeNode, String region,
      Observation o, Instant receivedAt) {
    Instant certExpiresAt = o.getCertExpiresAtMs() > 0 ? Instant.ofEpochMilli(o.getCertExpiresAtMs()) : null;
    return tx.preparedQuery("INSERT INTO observations (event_id, monitor_id, region, probe_node, observed_at, received_at,"
            + " outcome, reason, latency_ms, measured, conditions, failure_kind, series, status_code, cert_expires_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
            + " ON CONFLICT (event_id) DO NOTHING")
        .execute(Tuple.from(new Object[] {eventId, UUID.fromString(o.getMonitorId()), region, probeNode,
            utc(Instant.ofEpochMilli(o.getObservedAtMs())), utc(receivedAt), isDown(o) ? "down" : "up", o.getReason(),
            o.getLatencyMs(), ObservationJson.values(o), ObservationJson.conditions(o), ObservationJson.failureKind(o),
            ObservationJson.series(o), o.getStatusCode(), certExpiresAt == null ? null : utc(certExpiresAt)}))
        .map(rows -> rows.rowCount() == 1);
  }

  /** @return true when an incident opened or resolved */
  private Future<Boolean> evaluate(SqlClient tx, Monitor monitor, String region, Observation o) {
    HttpSpec spec = (HttpSpec) monitor.spec();
    if (!spec.regions().contains(region)) {
      return Future.succeededFuture(false);
    }
    Instant observedAt = Instant.ofEpochMilli(o.getObservedAtMs());
    return RegionVerdictStore.forMonitor(tx, monitor.id()).compose(verdicts -> {
      Optional<RegionVerdict> previous = Optional.ofNullable(verdicts.get(region));
      if (previous.isPresent() && previous.get().lastObservedAt().isAfter(observedAt)) {
        return Future.succeededFuture(false); // older than what this region already reported: history only
      }
      RegionVerdict next = RegionVerdict.fold(previous, region, isDown(o), observedAt, o.getReason(),
          ObservationJson.values(o), ObservationJson.lastRun(o), spec.confirmations(), spec.recoveries());
      boolean changed = previous.map(RegionVerdict::verdict).orElse(Verdict.PENDING) != next.verdict();
      if (changed) {
        log.info("region verdict changed monitor={} region={} verdict={} streak={} reason=\"{}\"", monitor.id(), region,
            next.verdict().label(), next.streak(), next.reason());
      }
      verdicts.put(region, next);
      return RegionVerdictStore.save(tx, monitor.id(), next)
          .compose(v -> IncidentStore.latest(tx, monitor.id()))
          .compose(latest -> recordVote(tx, latest, next, changed).map(latest))
          .compose(latest -> decide(tx, monitor, spec, verdicts, latest));
    });
  }

  /** While an incident is open, a region changing its vote is a line in its timeline. */
  private static Future<Void> recordVote(SqlClient tx, Optional<Incident> latest, RegionVerdict vote, boolean changed) {
    if (!changed || latest.isEmpty() || !latest.get().isOpen()) {
      return Future.succeededFuture();
    }
    return IncidentEvents.add(tx, latest.get().id(), RegionVotes.event(vote));
  }

  private Future<Boolean> decide(SqlClient tx, Monitor monitor, HttpSpec spec, Map<String, RegionVerdict> verdicts,
      Optional<Incident> latest) {
    Instant now = clock.instant();
    Optional<Incident> open = latest.filter(Incident::isOpen);
    Decision decision = QuorumPolicy.decide(spec.regions(), spec.quorum(), verdicts, now, spec.staleAfter(),
        open.isPresent(), excludedRegions.get(), spec.confirmations());
    return switch (decision.action()) {
      case OPEN -> lastSuccess(tx, monitor)
          .map(lastSuccess -> RegionVotes.opening(monitor, spec, decision, verdicts, lastSuccess))
          .compose(opening -> incidents.open(tx, opening, latest, now))
          .map(Optional::isPresent);
      case RESOLVE -> incidents.resolve(tx, open.orElseThrow(), monitor, decision.agreement(), false, now)
          .map(Optional::isPresent);
      case HOLD -> decision.regionsUp().size() >= spec.quorum() && latest.isPresent()
          ? incidents.recovered(tx, latest.get()).map(false)
          : Future.succeededFuture(false);
    };
  }

  /** When a region last saw the queue healthy, for the alert ("last success 21m ago"). */
  private static Future<Optional<Instant>> lastSuccess(SqlClient tx, Monitor monitor) {
    return tx.preparedQuery("SELECT max(observed_at) AS at FROM observations WHERE monitor_id = $1 AND outcome = 'up'")
        .execute(Tuple.of(monitor.id()))
        .map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime("at")).map(t -> t.toInstant()));
  }

  private static boolean isDown(Observation o) {
    return o.getOutcome() != Outcome.OUTCOME_UP;
  }
}
