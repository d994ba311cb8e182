package io.quorate.coordinator.monitor;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Refuses a monitor whose alerts would go to a channel that does not exist: a typo in a channel id would
 * otherwise mean an outage nobody hears about.
 */
public final class KnownChannels {
  private KnownChannels() {}

  /** @return the draft, or a failed future with a {@link ValidationException} naming the unknown channel */
  public static Future<MonitorDraft> check(SqlClient client, MonitorDraft draft) {
    List<UUID> named = new ArrayList<>(draft.alerting().channels());
    named.addAll(draft.alerting().escalateTo());
    if (named.isEmpty()) {
      return Future.succeededFuture(draft);
    }
    return client.preparedQuery("SELECT id FROM channels WHERE id = ANY($1)")
        .execute(Tuple.of(named.toArray(UUID[]::new)))
        .compose(rows -> {
          Set<UUID> known = new HashSet<>();
          rows.forEach(row -> known.add(row.getUUID("id")));
          for (UUID id : draft.alerting().channels()) {
            if (!known.contains(id)) {
              return Future.failedFuture(new ValidationException("channels", "no channel has the id " + id));
            }
          }
          for (UUID id : draft.alerting().escalateTo()) {
            if (!known.contains(id)) {
              return Future.failedFuture(new ValidationException("escalation.channels", "no channel has the id " + id));
            }
          }
          return Future.succeededFuture(draft);
        });
  }
}
