package io.quorate.coordinator.heartbeat;

import io.quorate.coordinator.heartbeat.HeartbeatView.LastPing;
import io.quorate.coordinator.project.Project;
import io.quorate.coordinator.project.ProjectStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Loads {@link HeartbeatView}s for the API: the same evaluation the decisions use, read-only. */
public final class HeartbeatViews {
  /** A list of thousands of monitors shows the start of each last message; one monitor's page shows it all. */
  private static final int LIST_BODY_CHARS = 1_000;

  private HeartbeatViews() {}

  /** @param ids the monitors, or empty for every heartbeat */
  public static Future<Map<UUID, HeartbeatView>> load(SqlClient client, Optional<List<UUID>> ids, Instant now) {
    int bodyChars = ids.map(list -> list.size() == 1).orElse(false) ? Integer.MAX_VALUE : LIST_BODY_CHARS;
    Future<Project> project = ProjectStore.findDefault(client);
    Future<Map<UUID, LastPing>> lastPings = lastPings(client, ids, bodyChars);
    Future<List<HeartbeatFactsStore.Loaded>> loaded = Watermarks.regions(client, now)
        .compose(regions -> HeartbeatFactsStore.load(client, ids, spec -> KnownUntil.compute(regions, spec.quorum(), now)));
    return Future.all(project, lastPings, loaded).map(all -> {
      Map<UUID, HeartbeatView> views = new HashMap<>();
      for (HeartbeatFactsStore.Loaded l : loaded.result()) {
        HeartbeatStatus status = HeartbeatEvaluator.evaluate(l.spec(), l.facts(), l.knownUntil().at(), now);
        views.put(l.monitor().id(), new HeartbeatView(status, l.facts(), l.knownUntil(),
            Optional.ofNullable(lastPings.result().get(l.monitor().id())), project.result().pingKey()));
      }
      return views;
    });
  }

  private static Future<Map<UUID, LastPing>> lastPings(SqlClient client, Optional<List<UUID>> ids, int bodyChars) {
    String filter = ids.isPresent() ? " AND monitor_id = ANY($2)" : "";
    int chars = Math.min(bodyChars, 1_000_000);
    Tuple args = ids.map(list -> Tuple.of(chars, (Object) list.toArray(UUID[]::new))).orElse(Tuple.of(chars));
    return client.preparedQuery("SELECT monitor_id, last_ping_at, last_ping_kind, left(last_ping_body, $1)"
            + " FROM heartbeat_state WHERE last_ping_at IS NOT NULL" + filter)
        .execute(args)
        .map(rows -> {
          Map<UUID, LastPing> pings = new HashMap<>();
          rows.forEach(row -> pings.put(row.getUUID(0), new LastPing(row.getOffsetDateTime(1).toInstant(),
              row.getString(2), row.getString(3) == null ? "" : row.getString(3))));
          return pings;
        });
  }
}
