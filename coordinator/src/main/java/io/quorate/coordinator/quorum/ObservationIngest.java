package io.quorate.coordinator.quorum;

import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.incident.IncidentEvents;
import io.quorate.coordinator.incident.IncidentLifecycle;
import io.quorate.coordinator.incident.IncidentStore;
import io.quorate.coordinator.live.TeamEvent;
import io.quorate.coordinator.monitor.HttpSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.coordinator.monitor.MonitorStore.LockedMonitor;
import io.quorate.coordinator.quorum.MonitorBatch.Fold;
import io.quorate.coordinator.quorum.RegionVerdictStore.MonitorVerdict;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Stores a batch of one probe stream's observations and applies their consequences in one transaction: the
 * region verdicts, the quorum decisions, and the incidents they open or resolve with their notifications.
 * The batch's monitors are locked first (in id order, so two nodes never deadlock), so observations of one
 * monitor arriving at different coordinator nodes are evaluated one batch after another, each seeing the
 * verdicts the previous one wrote. The statements do not grow with the batch: lock, insert, read verdicts,
 * newest incidents and the monitors whose {@link VotingRule} this node has not cached at their version, write
 * the changed verdicts and the five-minute rollups ({@link ObservationRollups}); each observation is then folded
 * in memory in the order the probe sent it, with the decision one-by-one storing would have made, and only a
 * decision that changes an incident costs more statements.
 */
public final class ObservationIngest {
  private static final Logger log = LoggerFactory.getLogger(ObservationIngest.class);
  private final Pool pool;
  private final Clock clock;
  private final IncidentLifecycle incidents;
  private final Supplier<Map<String, String>> excludedRegions;
  private final ObservationRollups rollups = new ObservationRollups();
  private final VotingRules votingRules = new VotingRules();
  private final DecisionTimes decisionTimes;

  /** @param excludedRegions probe regions that must not vote now, with why (their probes are degraded) */
  public ObservationIngest(Pool pool, Clock clock, IncidentLifecycle incidents,
      Supplier<Map<String, String>> excludedRegions, MeterRegistry registry) {
    this.pool = pool;
    this.decisionTimes = new DecisionTimes(registry);
    this.clock = clock;
    this.incidents = incidents;
    this.excludedRegions = excludedRegions;
  }

  /**
   * Drops what this node keeps in memory about a monitor (its {@link VotingRule}, the rollup maxima it wrote), when
   * any node announces a change to it: a deleted monitor's entries would otherwise stay until the node restarts.
   * A batch committed just before the deletion may add them back once; they are small.
   */
  public void forget(UUID monitorId) {
    votingRules.forget(monitorId);
    rollups.forget(monitorId);
  }

  /**
   * @param region the region the probe authenticated for (the observations' own region field is not trusted)
   * @param batch consecutive observations of one stream, in the order the probe sent them
   * @return succeeds once the batch is durable (observations stored before under their event id, for a
   *     monitor that no longer exists or with a malformed monitor id are skipped): the caller may acknowledge
   *     it; fails, with nothing stored, when the transaction fails
   */
  public Future<Void> ingest(String probeNode, String region, List<IncomingObservation> batch) {
    List<ParsedObservation> parsed = new ArrayList<>(batch.size());
    for (IncomingObservation incoming : batch) {
      ParsedObservation.parse(incoming).ifPresentOrElse(parsed::add, () -> log.warn(
          "observation for malformed monitor id dropped event={} region={}", incoming.eventId(), region));
    }
    if (parsed.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.withTransaction(tx -> store(tx, probeNode, region, parsed, false))
        .recover(failure -> {
          if (!ObservationRows.heldStoredEvents(failure)) {
            return Future.failedFuture(failure);
          }
          log.info("batch holds events stored before, storing the rest region={} probe_node={} events={}", region,
              probeNode, parsed.size());
          return pool.withTransaction(tx -> store(tx, probeNode, region, parsed, true));
        })
        .onSuccess(stored -> {
          rollups.committed(stored.rolledUp());
          if (stored.incidentChanged()) {
            incidents.afterCommit();
          }
        })
        .mapEmpty();
  }

  /** What a committed batch did: whether an incident opened or resolved, and what it added to the rollups. */
  private record Stored(boolean incidentChanged, List<ObservationRollups.Added> rolledUp) {
    static final Stored NOTHING = new Stored(false, List.of());
  }

  /** @param skipStored see {@link ObservationRows#insert} */
  private Future<Stored> store(SqlClient tx, String probeNode, String region, List<ParsedObservation> batch,
      boolean skipStored) {
    List<UUID> monitorIds = batch.stream().map(ParsedObservation::monitorId).distinct().toList();
    return MonitorStore.lockHttp(tx, monitorIds).compose(locked -> {
      Set<UUID> known = locked.stream().map(LockedMonitor::id).collect(Collectors.toSet());
      List<ParsedObservation> storable = batch.stream().filter(o -> known.contains(o.monitorId())).toList();
      if (storable.isEmpty()) {
        return Future.succeededFuture(Stored.NOTHING);
      }
      List<UUID> ids = List.copyOf(known);
      // Issued together, so the pg client can pipeline them on the transaction's connection (one round trip).
      Future<Set<String>> inserted = ObservationRows.insert(tx, probeNode, region, storable, skipStored);
      Future<Map<UUID, Map<String, RegionVerdict>>> verdicts = RegionVerdictStore.votesOf(tx, ids);
      Future<Map<UUID, Incident>> latest = IncidentStore.latest(tx, ids);
      Future<Map<UUID, VotingRule>> rules = votingRules.of(tx, locked);
      return Future.all(inserted, verdicts, latest, rules).compose(all -> {
        List<ParsedObservation> fresh = fresh(storable, inserted.result());
        // Issued ahead of the decisions' statements, so it shares their round trips on the connection.
        Future<List<ObservationRollups.Added>> rolledUp = rollups.add(tx, fresh);
        Future<Boolean> decided = evaluateAll(tx,
            batches(locked, rules.result(), region, fresh, verdicts.result(), latest.result()));
        return Future.all(rolledUp, decided).map(both -> new Stored(decided.result(), rolledUp.result()));
      });
    });
  }

  /** The newly inserted observations in batch order; an event id repeated within the batch counts once. */
  private static List<ParsedObservation> fresh(List<ParsedObservation> storable, Set<String> inserted) {
    Set<String> unseen = new HashSet<>(inserted);
    return storable.stream().filter(o -> unseen.remove(o.eventId())).toList();
  }

  /** One {@link MonitorBatch} per monitor with a fresh observation, in lock order. */
  private static List<MonitorBatch> batches(List<LockedMonitor> monitors, Map<UUID, VotingRule> rules, String region,
      List<ParsedObservation> fresh, Map<UUID, Map<String, RegionVerdict>> verdicts, Map<UUID, Incident> latest) {
    Map<UUID, MonitorBatch> byMonitor = new LinkedHashMap<>();
    for (LockedMonitor m : monitors) {
      byMonitor.put(m.id(), new MonitorBatch(m.id(), rules.get(m.id()), region, verdicts.get(m.id()),
          Optional.ofNullable(latest.get(m.id()))));
    }
    fresh.forEach(o -> byMonitor.get(o.monitorId()).add(o));
    return byMonitor.values().stream().filter(b -> !b.observations().isEmpty() && b.votes()).toList();
  }

  /** Monitors one after another (most need no statement at all), then their changed verdicts in one write. */
  private Future<Boolean> evaluateAll(SqlClient tx, List<MonitorBatch> batches) {
    Future<Boolean> changed = Future.succeededFuture(false);
    for (MonitorBatch batch : batches) {
      changed = changed.compose(before -> evaluate(tx, batch, 0).map(now -> before || now));
    }
    return changed.compose(any -> {
      List<MonitorVerdict> folded = batches.stream().flatMap(b -> b.verdictToSave().stream()).toList();
      return RegionVerdictStore.saveAll(tx, folded).map(any);
    });
  }

  /**
   * Folds the monitor's observations from {@code from} on, deciding after each as one-by-one storing did, until
   * a decision needs a statement; that statement runs, then the fold goes on after it.
   */
  private Future<Boolean> evaluate(SqlClient tx, MonitorBatch batch, int from) {
    List<ParsedObservation> observations = batch.observations();
    for (int i = from; i < observations.size(); i++) {
      Optional<Fold> fold = batch.fold(observations.get(i));
      if (fold.isEmpty()) {
        continue;
      }
      RegionVerdict vote = fold.get().vote();
      if (fold.get().changed()) {
        // 100,000 new monitors make 300,000 first UP votes in three regions: those go to DEBUG.
        log.atLevel(fold.get().firstUp() ? Level.DEBUG : Level.INFO).log(
            "region verdict changed monitor={} region={} verdict={} was={} streak={} reason=\"{}\"", batch.monitorId(),
            vote.region(), vote.verdict().label(), fold.get().before().label(), vote.streak(), vote.reason());
        incidents.teamEvents().publishAfterCommit(tx, TeamEvent.MONITOR_STATE, batch.monitorId(), Optional.empty());
      }
      Instant now = clock.instant();
      Decision decision = decide(batch, now);
      boolean recordVote = fold.get().changed() && batch.open().isPresent();
      if (!recordVote && !changesIncident(batch, decision)) {
        continue;
      }
      int index = i;
      Future<Void> voted = recordVote ? IncidentEvents.add(tx, batch.open().get().id(), RegionVotes.event(vote))
          : Future.succeededFuture();
      return voted.compose(v -> changesIncident(batch, decision) ? act(tx, batch, decision, index, now)
              : Future.succeededFuture(false))
          .compose(changed -> evaluate(tx, batch, index + 1).map(later -> changed || later));
    }
    return Future.succeededFuture(false);
  }

  private Decision decide(MonitorBatch batch, Instant now) {
    VotingRule rule = batch.rule();
    return QuorumPolicy.decide(rule.regions(), rule.quorum(), batch.verdicts(), now, rule.staleAfter(),
        batch.open().isPresent(), excludedRegions.get(), rule.confirmations());
  }

  /**
   * Whether the decision calls for {@link IncidentLifecycle}: an open or a resolve, or a recovery after a
   * person resolved the last incident by hand. An open while the last incident waits for that recovery would
   * change nothing.
   */
  private static boolean changesIncident(MonitorBatch batch, Decision decision) {
    boolean awaitingRecovery = batch.latest().map(Incident::awaitingRecovery).orElse(false);
    return switch (decision.action()) {
      case OPEN -> !awaitingRecovery;
      case RESOLVE -> true;
      case HOLD -> awaitingRecovery && decision.regionsUp().size() >= batch.rule().quorum();
    };
  }

  /**
   * Reads the whole monitor (locked, so the version its rule came from) and opens or resolves its incident.
   *
   * @return true when an incident opened or resolved; the batch then holds the monitor's newest incident again
   */
  private Future<Boolean> act(SqlClient tx, MonitorBatch batch, Decision decision, int index, Instant now) {
    UUID id = batch.monitorId();
    Future<Boolean> acted = switch (decision.action()) {
      case OPEN -> Future.all(MonitorStore.findAll(tx, List.of(id)),
              ObservationRows.lastSuccess(tx, id, batch.eventIdsAfter(index)), RegionVerdictStore.forMonitor(tx, id))
          .map(all -> {
            Monitor monitor = all.<List<Monitor>>resultAt(0).get(0);
            return RegionVotes.opening(monitor, (HttpSpec) monitor.spec(), decision, batch.withDetails(all.resultAt(2)),
                all.resultAt(1));
          })
          .compose(opening -> incidents.open(tx, opening, batch.latest(), now))
          .map(Optional::isPresent);
      case RESOLVE -> MonitorStore.findAll(tx, List.of(id))
          .compose(monitor -> incidents.resolve(tx, batch.open().orElseThrow(), monitor.get(0), decision.agreement(),
              false, now))
          .map(Optional::isPresent);
      case HOLD -> incidents.recovered(tx, batch.latest().orElseThrow()).map(false);
    };
    return acted.compose(changed -> IncidentStore.latest(tx, id).map(latest -> {
      if (changed) {
        decisionTimes.afterCommit(tx, decision.action(), batch.observations().get(index).receivedAt(), now);
      }
      batch.latest(latest);
      return changed;
    }));
  }
}
