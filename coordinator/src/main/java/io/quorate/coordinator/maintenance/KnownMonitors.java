package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Refuses matchers that name a monitor that does not exist: a typo there would silently hold nothing. A monitor
 * deleted later simply stops matching.
 */
final class KnownMonitors {
  private KnownMonitors() {}

  static Future<Matchers> check(SqlClient client, Matchers matchers) {
    if (matchers.monitorIds().isEmpty()) {
      return Future.succeededFuture(matchers);
    }
    return client.preparedQuery("SELECT id FROM monitors WHERE id = ANY($1)")
        .execute(Tuple.of(matchers.monitorIds().toArray(UUID[]::new)))
        .map(rows -> {
          Set<UUID> known = new HashSet<>();
          rows.forEach(row -> known.add(row.getUUID(0)));
          for (UUID id : matchers.monitorIds()) {
            if (!known.contains(id)) {
              throw new ValidationException("matchers.monitor_ids", "no monitor " + id);
            }
          }
          return matchers;
        });
  }
}
