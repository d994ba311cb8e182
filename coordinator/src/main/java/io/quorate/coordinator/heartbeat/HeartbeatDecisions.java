package io.quorate.coordinator.heartbeat;

import io.quorate.coordinator.heartbeat.HeartbeatFactsStore.Loaded;
import io.quorate.coordinator.heartbeat.HeartbeatProblem.Cause;
import io.quorate.coordinator.incident.AlertText;
import io.quorate.coordinator.incident.Opening;
import io.quorate.coordinator.incident.Opening.AlertFacts;
import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.incident.IncidentLifecycle;
import io.quorate.coordinator.incident.IncidentStore;
import io.quorate.coordinator.sweep.PeriodicSweep;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and resolves heartbeat incidents. Every coordinator node sweeps all heartbeats periodically (a
 * deadline passes without any event) and reconsiders the monitors a stored batch of pings touched (a fail
 * ping opens an incident at once, a success resolves one). Each decision runs in its own transaction with
 * the monitor row locked (skipped when another node holds it) and the facts read again under the lock;
 * the one-open-incident index makes sure each outage opens once whichever node decides.
 */
public final class HeartbeatDecisions {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatDecisions.class);
  private final Pool pool;
  private final Clock clock;
  private final IncidentLifecycle incidents;
  private final PeriodicSweep sweep;

  public HeartbeatDecisions(Vertx vertx, Pool pool, Clock clock, IncidentLifecycle incidents, Duration every) {
    this.pool = pool;
    this.clock = clock;
    this.incidents = incidents;
    this.sweep = new PeriodicSweep(vertx, every, this::decideAll);
  }

  public void start() {
    sweep.start();
  }

  public void stop() {
    sweep.stop();
  }

  /** One pass over every heartbeat; overlapping passes on one node are skipped. */
  public Future<Void> sweep() {
    return sweep.runOnce();
  }

  private Future<Void> decideAll() {
    Instant now = clock.instant();
    return Watermarks.regions(pool, now)
        .compose(regions -> HeartbeatFactsStore.load(pool, Optional.empty(), spec -> KnownUntil.compute(regions, spec.quorum(), now)))
        .compose(all -> IncidentStore.findOpen(pool, all.stream().map(l -> l.monitor().id()).toList())
            .map(open -> all.stream().filter(l -> needsDecision(l, open.get(l.monitor().id()), now))
                .map(l -> l.monitor().id()).toList()))
        .compose(this::reconsider)
        .onFailure(error -> log.warn("heartbeat sweep failed error={}", error.toString()));
  }

  /** Decides each monitor again now, e.g. after pings for them were stored. */
  public Future<Void> reconsider(Collection<UUID> monitorIds) {
    return Future.join(monitorIds.stream().map(this::decide).toList())
        .onFailure(error -> log.warn("heartbeat decision failed error={}", error.toString()))
        .mapEmpty();
  }

  private static boolean needsDecision(Loaded loaded, Incident open, Instant now) {
    HeartbeatStatus status = HeartbeatEvaluator.evaluate(loaded.spec(), loaded.facts(), loaded.knownUntil().at(), now);
    return open == null ? status.down() : canResolve(open, status);
  }

  /** Only heartbeat incidents resolve here, and not while the monitor is paused or snoozed. */
  private static boolean canResolve(Incident open, HeartbeatStatus status) {
    return !open.cause().isEmpty() && !status.down() && !"paused".equals(status.state());
  }

  private Future<Void> decide(UUID monitorId) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> lock(tx, monitorId).compose(locked -> !locked
        ? Future.succeededFuture(false)
        : Watermarks.regions(tx, now)
            .compose(regions -> HeartbeatFactsStore.load(tx, Optional.of(List.of(monitorId)),
                spec -> KnownUntil.compute(regions, spec.quorum(), now)))
            .compose(loaded -> loaded.isEmpty() ? Future.succeededFuture(false)
                : IncidentStore.latest(tx, monitorId).compose(latest -> act(tx, loaded.get(0), latest, now)))))
        .onSuccess(changed -> {
          if (changed) {
            incidents.afterCommit();
          }
        })
        .mapEmpty();
  }

  private static Future<Boolean> lock(SqlClient tx, UUID monitorId) {
    return tx.preparedQuery("SELECT id FROM monitors WHERE id = $1 FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(monitorId)).map(rows -> rows.rowCount() == 1);
  }

  private Future<Boolean> act(SqlClient tx, Loaded loaded, Optional<Incident> latest, Instant now) {
    HeartbeatStatus status = HeartbeatEvaluator.evaluate(loaded.spec(), loaded.facts(), loaded.knownUntil().at(), now);
    Optional<Incident> open = latest.filter(Incident::isOpen);
    if (open.isEmpty() && status.problem().isPresent()) {
      return incidents.open(tx, opening(loaded, status.problem().get()), latest, now).map(Optional::isPresent);
    }
    if (open.isPresent() && canResolve(open.get(), status)) {
      Resolution resolution = Resolution.of(open.get(), loaded.facts());
      return incidents.resolve(tx, open.get(), loaded.monitor(), resolution.how(), resolution.falseAlarm(), now)
          .map(Optional::isPresent);
    }
    if (latest.isPresent() && !status.down() && !"paused".equals(status.state())) {
      return incidents.recovered(tx, latest.get()).map(false);
    }
    return Future.succeededFuture(false);
  }

  private static Opening opening(Loaded loaded, HeartbeatProblem problem) {
    Optional<Instant> deadline = problem.cause() == Cause.MISSED ? Optional.of(problem.since()) : Optional.empty();
    // A fail ping's reason is the job's own message already: no separate "top error" to repeat it.
    AlertFacts facts = new AlertFacts(Optional.empty(), Optional.empty(), loaded.facts().lastSuccessAt(), "", "");
    return new Opening(loaded.monitor(), problem.reason(), agreement(loaded, problem), List.of(), problem.cause().label(),
        deadline, List.of(), facts);
  }

  /** Who agrees: for a deadline, which regions have delivered every ping received before it. */
  private static String agreement(Loaded loaded, HeartbeatProblem problem) {
    return switch (problem.cause()) {
      case FAIL -> "";
      case MISSED, ZOMBIE, FLEET_RATE, FLEET_FAILURES -> loaded.knownUntil().agreement(problem.since());
    };
  }

  /** How an incident ended, in words, and whether it was a false alarm caused by late delivery. */
  record Resolution(String how, boolean falseAlarm) {
    static Resolution of(Incident incident, HeartbeatFacts facts) {
      Optional<Instant> success = facts.lastSuccessAt();
      String region = facts.lastSuccessRegion().map(r -> " in " + r).orElse("");
      if ("missed".equals(incident.cause()) && success.isPresent() && incident.deadlineAt().isPresent()
          && success.get().isBefore(incident.deadlineAt().get())) {
        String stored = facts.lastSuccessStoredAt().map(at -> ", delivered " + AlertText.time(at)).orElse("");
        return new Resolution("a ping received " + AlertText.time(success.get()) + region + ", before the deadline "
            + AlertText.time(incident.deadlineAt().get()) + ", reached the coordinator late" + stored
            + " (that region's link was cut off or behind)", true);
      }
      return switch (incident.cause()) {
        case "zombie" -> new Resolution("no run is overdue any more (the run completed or a newer run started)", false);
        case "fleet_rate", "fleet_failures" -> new Resolution("the fleet is back within its rule", false);
        default -> new Resolution(success.map(at -> "Ping received " + AlertText.time(at) + region)
            .orElse("no longer overdue"), false);
      };
    }
  }
}
