package io.quorate.coordinator.heartbeat;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.heartbeat.PingClassifier.Classified;
import io.quorate.coordinator.incident.IncidentStore;
import io.quorate.coordinator.monitor.HeartbeatSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores heartbeat pings in batches, whichever region (or the coordinator itself) received them: one
 * transaction per batch, deduplicated by event id, so a probe that resends after a reconnect or replays its
 * spool never counts a ping twice. In the same transaction it moves each monitor's newest-ping state
 * forward and opens and closes job runs. After the commit it asks {@link HeartbeatDecisions} to decide
 * again the monitors whose pings may change an incident: a fail ping opens one at once, a success may
 * resolve one.
 */
public final class PingIngest {
  private final Pool pool;
  private final Clock clock;
  private final HeartbeatDecisions decisions;

  public PingIngest(Pool pool, Clock clock, HeartbeatDecisions decisions) {
    this.pool = pool;
    this.clock = clock;
    this.decisions = decisions;
  }

  public enum Result { RECORDED, DUPLICATE, UNKNOWN_MONITOR }

  /** A ping resolved to its monitor and classified, ready to store. */
  record StoredPing(IncomingPing incoming, Monitor monitor, Classified classified) {
    Instant receivedAt() {
      return Instant.ofEpochMilli(incoming.ping().getReceivedAtMs());
    }

    UUID monitorId() {
      return monitor.id();
    }
  }

  /** @return one result per ping, in order; succeeds once the batch is durable */
  public Future<List<Result>> ingest(List<IncomingPing> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Instant now = clock.instant();
    return pool.withTransaction(tx -> PingTargets.load(tx, batch.stream().map(IncomingPing::ping).toList())
            .compose(targets -> store(tx, resolve(batch, targets), now)))
        .map(stored -> {
          if (!stored.reconsider().isEmpty()) {
            decisions.reconsider(stored.reconsider());
          }
          return stored.results();
        });
  }

  public Future<Result> ingest(IncomingPing ping) {
    return ingest(List.of(ping)).map(results -> results.get(0));
  }

  private record Resolved(List<Optional<StoredPing>> pings) {}

  private record Stored(List<Result> results, Set<UUID> reconsider) {}

  private static Resolved resolve(List<IncomingPing> batch, PingTargets targets) {
    List<Optional<StoredPing>> pings = new ArrayList<>();
    for (IncomingPing incoming : batch) {
      pings.add(targets.find(incoming.ping()).map(monitor -> new StoredPing(incoming, monitor,
          PingClassifier.classify(incoming.ping(), (HeartbeatSpec) monitor.spec()))));
    }
    return new Resolved(pings);
  }

  private Future<Stored> store(SqlClient tx, Resolved resolved, Instant now) {
    List<StoredPing> known = resolved.pings().stream().flatMap(Optional::stream).toList();
    if (known.isEmpty()) {
      return Future.succeededFuture(new Stored(resolved.pings().stream().map(p -> Result.UNKNOWN_MONITOR).toList(), Set.of()));
    }
    return insert(tx, known, now).compose(inserted -> {
      List<StoredPing> fresh = known.stream().filter(p -> inserted.contains(p.incoming().eventId())).toList();
      List<Result> results = resolved.pings().stream().map(p -> p.isEmpty() ? Result.UNKNOWN_MONITOR
          : inserted.contains(p.get().incoming().eventId()) ? Result.RECORDED : Result.DUPLICATE).toList();
      if (fresh.isEmpty()) {
        return Future.succeededFuture(new Stored(results, Set.of()));
      }
      return HeartbeatStateMerge.apply(tx, fresh, now)
          .compose(v -> HeartbeatRuns.record(tx, fresh))
          .compose(v -> toReconsider(tx, fresh))
          .map(reconsider -> new Stored(results, reconsider));
    });
  }

  /** @return the event ids that were new */
  private static Future<Set<String>> insert(SqlClient tx, List<StoredPing> pings, Instant now) {
    int n = pings.size();
    String[] eventIds = new String[n];
    UUID[] monitorIds = new UUID[n];
    String[] regions = new String[n];
    String[] nodes = new String[n];
    OffsetDateTime[] receivedAt = new OffsetDateTime[n];
    String[] methods = new String[n];
    String[] bodies = new String[n];
    String[] agents = new String[n];
    String[] remotes = new String[n];
    String[] kinds = new String[n];
    Integer[] exitStatuses = new Integer[n];
    String[] runIds = new String[n];
    Boolean[] truncated = new Boolean[n];
    String[] failures = new String[n];
    String[] conditions = new String[n];
    for (int i = 0; i < n; i++) {
      StoredPing p = pings.get(i);
      var ping = p.incoming().ping();
      eventIds[i] = p.incoming().eventId();
      monitorIds[i] = p.monitorId();
      regions[i] = p.incoming().region();
      nodes[i] = p.incoming().probeNode();
      receivedAt[i] = utc(p.receivedAt());
      methods[i] = ping.getMethod();
      bodies[i] = ping.getBody();
      agents[i] = ping.getUserAgent();
      remotes[i] = ping.getRemoteAddress();
      kinds[i] = p.classified().kind();
      exitStatuses[i] = ping.hasExitStatus() ? ping.getExitStatus() : null;
      runIds[i] = ping.getRunId();
      truncated[i] = ping.getBodyTruncated();
      failures[i] = p.classified().failure();
      conditions[i] = p.classified().conditions().encode();
    }
    return tx.preparedQuery("INSERT INTO pings (event_id, monitor_id, region, probe_node, received_at, method, body,"
            + " user_agent, remote_address, kind, exit_status, run_id, body_truncated, failure, conditions, stored_at)"
            + " SELECT e, m, r, n, t, me, b, ua, ra, k, x, rid, tr, f, c::jsonb, $16 FROM unnest($1::text[], $2::uuid[],"
            + " $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],"
            + " $11::int[], $12::text[], $13::bool[], $14::text[], $15::text[])"
            + " AS u(e, m, r, n, t, me, b, ua, ra, k, x, rid, tr, f, c)"
            + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id")
        .execute(Tuple.from(new Object[] {eventIds, monitorIds, regions, nodes, receivedAt, methods, bodies, agents,
            remotes, kinds, exitStatuses, runIds, truncated, failures, conditions, utc(now)}))
        .map(rows -> {
          Set<String> inserted = new HashSet<>();
          rows.forEach(row -> inserted.add(row.getString(0)));
          return inserted;
        });
  }

  /**
   * Monitors whose incident may change: a failure of a scheduled heartbeat, an incident already open, or one
   * resolved by hand that waits for the monitor to recover before it may alert again.
   */
  private static Future<Set<UUID>> toReconsider(SqlClient tx, List<StoredPing> fresh) {
    Set<UUID> monitors = new HashSet<>();
    Set<UUID> reconsider = new HashSet<>();
    for (StoredPing p : fresh) {
      monitors.add(p.monitorId());
      boolean scheduled = ((HeartbeatSpec) p.monitor().spec()).schedule().isPresent();
      if (scheduled && p.classified().failed()) {
        reconsider.add(p.monitorId());
      }
    }
    return IncidentStore.openOrAwaitingRecovery(tx, List.copyOf(monitors)).map(incidents -> {
      reconsider.addAll(incidents);
      return reconsider;
    });
  }
}
