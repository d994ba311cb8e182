package io.quorate.coordinator.teamview;

import io.quorate.coordinator.heartbeat.HeartbeatView;
import io.quorate.coordinator.heartbeat.HeartbeatViews;
import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.incident.IncidentStore;
import io.quorate.coordinator.maintenance.Holds;
import io.quorate.coordinator.monitor.HttpSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorJson;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.coordinator.quorum.RegionVerdict;
import io.quorate.coordinator.quorum.RegionVerdictStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/monitors} with filters or a page size: the monitors as {@link MonitorJson} shows them,
 * worst first, each with a {@code team} object ({@link TeamFacts}), plus the counts per state, the total and
 * the {@code next} cursor. Without a {@code limit} every matching monitor is answered.
 */
public final class MonitorList {
  private final Pool pool;
  private final MonitorStore monitors;
  private final Clock clock;
  private final Supplier<String> pingBaseUrl;
  private final Supplier<Map<String, String>> excludedRegions;

  public MonitorList(Pool pool, MonitorStore monitors, Clock clock, Supplier<String> pingBaseUrl,
      Supplier<Map<String, String>> excludedRegions) {
    this.pool = pool;
    this.monitors = monitors;
    this.clock = clock;
    this.pingBaseUrl = pingBaseUrl;
    this.excludedRegions = excludedRegions;
  }

  public Future<JsonObject> page(MonitorFilter filter) {
    Instant now = clock.instant();
    // Heartbeat states need their schedules evaluated; every other state is classified in SQL.
    return HeartbeatViews.load(pool, Optional.empty(), now).compose(heartbeats -> {
      Map<UUID, String> states = new HashMap<>();
      heartbeats.forEach((id, view) -> states.put(id, MonitorJson.heartbeatState(Optional.of(view))));
      int limit = filter.limit().orElse(Integer.MAX_VALUE - 1);
      Future<List<String>> owners = MonitorPages.owners(pool);
      return MonitorPages.read(pool, filter, states, limit + 1)
          .compose(page -> rows(page.rows().subList(0, Math.min(limit, page.rows().size())), heartbeats, now)
              .compose(rows -> owners.map(names -> answer(filter, page, rows, limit).put("owners", new JsonArray(names)))));
    });
  }

  private static JsonObject answer(MonitorFilter filter, MonitorPages.Page page, JsonArray rows, int limit) {
    int total = page.counts().entrySet().stream()
        .filter(e -> filter.states().isEmpty() || filter.states().contains(e.getKey()))
        .mapToInt(Map.Entry::getValue).sum();
    String next = null;
    if (page.rows().size() > limit) {
      MonitorPages.Page.Row last = page.rows().get(limit - 1);
      next = new MonitorCursor(last.rank(), last.name(), last.id()).encode();
    }
    return new JsonObject().put("monitors", rows).put("total", total)
        .put("counts", MonitorPages.countsJson(page.counts())).put("next", next);
  }

  /** The page's monitors in page order, read by id: their verdicts, open incidents and the facts beside them. */
  private Future<JsonArray> rows(List<MonitorPages.Page.Row> page, Map<UUID, HeartbeatView> heartbeats, Instant now) {
    if (page.isEmpty()) {
      return Future.succeededFuture(new JsonArray());
    }
    List<UUID> ids = page.stream().map(MonitorPages.Page.Row::id).toList();
    return Future.all(monitors.findAll(ids), RegionVerdictStore.forMonitors(pool, ids), IncidentStore.findOpen(pool, ids),
            Holds.load(pool, now))
        .compose(all -> {
          Map<UUID, Monitor> byId = new HashMap<>();
          List<Monitor> found = all.resultAt(0);
          found.forEach(m -> byId.put(m.id(), m));
          Map<UUID, List<RegionVerdict>> verdicts = all.resultAt(1);
          List<UUID> http = found.stream().filter(m -> m.spec() instanceof HttpSpec).map(Monitor::id).toList();
          List<UUID> noRegionUp = http.stream().filter(id -> verdicts.getOrDefault(id, List.of()).stream()
              .allMatch(RegionVerdict::lastOutcomeDown)).toList();
          return TeamFacts.load(pool, http, noRegionUp, now).map(facts -> {
            JsonArray out = new JsonArray();
            for (UUID id : ids) {
              Monitor monitor = byId.get(id);
              if (monitor != null) { // deleted between the two reads
                out.add(row(monitor, verdicts.getOrDefault(id, List.of()), all.<Map<UUID, Incident>>resultAt(2).get(id),
                    heartbeats.get(id), all.resultAt(3), facts, now));
              }
            }
            return out;
          });
        });
  }

  private JsonObject row(Monitor monitor, List<RegionVerdict> verdicts, Incident open, HeartbeatView heartbeat,
      Holds holds, TeamFacts facts, Instant now) {
    JsonObject json = holds.putOn(MonitorJson.toJson(monitor, verdicts, Optional.ofNullable(open),
        Optional.ofNullable(heartbeat), pingBaseUrl.get(), now, excludedRegions.get()), monitor, now);
    return json.put("team", monitor.spec() instanceof HttpSpec ? facts.forHttp(monitor, verdicts)
        : TeamFacts.forHeartbeat(monitor, heartbeat == null ? null : heartbeat.facts().lastSuccessAt().orElse(null)));
  }
}
