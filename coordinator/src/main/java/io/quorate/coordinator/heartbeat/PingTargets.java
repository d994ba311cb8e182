package io.quorate.coordinator.heartbeat;

import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import io.quorate.link.v1.HeartbeatPing;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the heartbeat monitors a batch of pings is for, in one query. A probe names the monitor it resolved
 * the URL to; the URL itself ({@code <uuid>} or {@code <ping key>/<slug>}) is the fallback, for the
 * coordinator's own endpoint and for probes one version older.
 */
final class PingTargets {
  private final Map<UUID, Monitor> byId = new HashMap<>();
  private final Map<UUID, Monitor> byPingId = new HashMap<>();
  private final Map<String, Monitor> bySlugPath = new HashMap<>();

  private PingTargets() {}

  static Future<PingTargets> load(SqlClient client, Collection<HeartbeatPing> pings) {
    Set<UUID> ids = new LinkedHashSet<>();
    Set<UUID> pingIds = new LinkedHashSet<>();
    List<String> keys = new ArrayList<>();
    List<String> slugs = new ArrayList<>();
    for (HeartbeatPing ping : pings) {
      uuid(ping.getMonitorId()).ifPresent(ids::add);
      String target = ping.getPingId().toLowerCase(Locale.ROOT);
      Optional<UUID> pingId = uuid(target);
      if (pingId.isPresent()) {
        pingIds.add(pingId.get());
      } else if (target.indexOf('/') > 0) {
        keys.add(target.substring(0, target.indexOf('/')));
        slugs.add(target.substring(target.indexOf('/') + 1));
      }
    }
    return client.preparedQuery("SELECT " + MonitorStore.COLUMNS + ", (SELECT ping_key FROM projects p WHERE p.id ="
            + " m.project_id) AS ping_key FROM monitors m WHERE m.type = 'heartbeat' AND (m.id = ANY($1)"
            + " OR m.ping_id = ANY($2) OR (m.project_id, m.slug) IN (SELECT p.id, s.slug"
            + " FROM unnest($3::text[], $4::text[]) AS s(ping_key, slug) JOIN projects p ON p.ping_key = s.ping_key))")
        .execute(Tuple.of(ids.toArray(UUID[]::new), pingIds.toArray(UUID[]::new), keys.toArray(String[]::new),
            slugs.toArray(String[]::new)))
        .map(rows -> {
          PingTargets targets = new PingTargets();
          rows.forEach(targets::add);
          return targets;
        });
  }

  private void add(Row row) {
    Monitor monitor = MonitorStore.toMonitor(row);
    byId.put(monitor.id(), monitor);
    byPingId.put(row.getUUID("ping_id"), monitor);
    String slug = row.getString("slug");
    if (slug != null) {
      bySlugPath.put(row.getString("ping_key") + "/" + slug, monitor);
    }
  }

  /** The monitor a ping is for, or empty when it was deleted (or never existed). */
  Optional<Monitor> find(HeartbeatPing ping) {
    Optional<Monitor> named = uuid(ping.getMonitorId()).map(byId::get);
    if (named.isPresent()) {
      return named;
    }
    String target = ping.getPingId().toLowerCase(Locale.ROOT);
    return uuid(target).map(byPingId::get).or(() -> Optional.ofNullable(bySlugPath.get(target)));
  }

  private static Optional<UUID> uuid(String text) {
    if (text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }
}
