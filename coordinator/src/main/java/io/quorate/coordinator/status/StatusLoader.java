package io.quorate.coordinator.status;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.heartbeat.HeartbeatView;
import io.quorate.coordinator.heartbeat.HeartbeatViews;
import io.quorate.coordinator.incident.PublicUpdate;
import io.quorate.coordinator.incident.PublicUpdateStore;
import io.quorate.coordinator.monitor.HeartbeatSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.coordinator.quorum.RegionVerdict;
import io.quorate.coordinator.quorum.RegionVerdictStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what the public status page needs, for public monitors only: a few queries, each over all public
 * monitors at once, however many monitors there are. Incidents are read without their reason, regions or notes, which the public never sees.
 */
public final class StatusLoader {
  private final Pool pool;

  public StatusLoader(Pool pool) {
    this.pool = pool;
  }

  /** A public monitor's incident of the last {@link Uptime#DAYS} days, as far as the public page uses it. */
  record IncidentSpan(UUID id, UUID monitorId, Instant openedAt, Optional<Instant> resolvedAt, boolean falseAlarm) {}

  public Future<StatusSnapshot> load(Instant now) {
    return publicMonitors().compose(monitors -> {
      List<UUID> ids = monitors.stream().map(Monitor::id).toList();
      List<UUID> heartbeats = monitors.stream().filter(m -> m.spec() instanceof HeartbeatSpec).map(Monitor::id).toList();
      Future<Map<UUID, Map<String, RegionVerdict>>> verdicts = RegionVerdictStore.votesOf(pool, ids);
      Future<Map<UUID, HeartbeatView>> views = heartbeats.isEmpty() ? Future.succeededFuture(Map.of())
          : HeartbeatViews.load(pool, Optional.of(heartbeats), now);
      Future<List<IncidentSpan>> incidents = incidents(ids, Uptime.windowStart(now));
      return Future.all(verdicts, views, incidents)
          .compose(all -> updatesOfShown(incidents.result(), now)
              .map(updates -> StatusAssembly.assemble(monitors, verdicts.result(), views.result(), incidents.result(),
                  updates, now)));
    });
  }

  private Future<List<Monitor>> publicMonitors() {
    return pool.query("SELECT " + MonitorStore.COLUMNS + " FROM monitors WHERE is_public").execute()
        .map(rows -> {
          List<Monitor> monitors = new ArrayList<>();
          rows.forEach(row -> monitors.add(MonitorStore.toMonitor(row)));
          return monitors;
        });
  }

  private Future<List<IncidentSpan>> incidents(List<UUID> monitorIds, Instant since) {
    return pool.preparedQuery("SELECT id, monitor_id, opened_at, resolved_at, false_alarm FROM incidents"
            + " WHERE monitor_id = ANY($1) AND (resolved_at IS NULL OR resolved_at > $2)")
        .execute(Tuple.of(monitorIds.toArray(UUID[]::new), utc(since)))
        .map(rows -> {
          List<IncidentSpan> spans = new ArrayList<>();
          rows.forEach(row -> spans.add(toSpan(row)));
          return spans;
        });
  }

  /** Updates only of the incidents the page lists: active ones and those resolved in the recent days. */
  private Future<Map<UUID, List<PublicUpdate>>> updatesOfShown(List<IncidentSpan> incidents, Instant now) {
    Instant recent = now.minus(Duration.ofDays(StatusSnapshot.RECENT_DAYS));
    List<UUID> shown = incidents.stream()
        .filter(i -> i.resolvedAt().map(resolved -> resolved.isAfter(recent)).orElse(true))
        .map(IncidentSpan::id).toList();
    return shown.isEmpty() ? Future.succeededFuture(Map.of()) : PublicUpdateStore.of(pool, shown);
  }

  private static IncidentSpan toSpan(Row row) {
    return new IncidentSpan(row.getUUID("id"), row.getUUID("monitor_id"), row.getOffsetDateTime("opened_at").toInstant(),
        Optional.ofNullable(row.getOffsetDateTime("resolved_at")).map(OffsetDateTime::toInstant),
        row.getBoolean("false_alarm"));
  }
}
