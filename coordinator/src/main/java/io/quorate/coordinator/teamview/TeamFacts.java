package io.quorate.coordinator.teamview;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.quorum.RegionVerdict;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the team view shows beside each monitor of a page, read for that page's monitors only: the queue's
 * depth and oldest job age from each region's newest run (the worst region counts), the oldest job age
 * against the monitor's SLA, the last success, and the most frequent failure of the last hour with its count.
 */
final class TeamFacts {
  /** The top failure counts runs of the last hour: long enough to rank, short enough to read few rows. */
  static final Duration FAILURE_WINDOW = Duration.ofHours(1);
  private final Map<UUID, JsonObject> topFailures;
  private final Map<UUID, Instant> lastSuccesses;

  private TeamFacts(Map<UUID, JsonObject> topFailures, Map<UUID, Instant> lastSuccesses) {
    this.topFailures = topFailures;
    this.lastSuccesses = lastSuccesses;
  }

  /** @param noRegionUp HTTP monitors of the page whose regions' newest runs all failed (their last success is older) */
  static Future<TeamFacts> load(SqlClient client, List<UUID> httpIds, List<UUID> noRegionUp, Instant now) {
    Future<Map<UUID, JsonObject>> failures = client.preparedQuery("SELECT monitor_id, failure_kind, count(*)::int AS n,"
            + " (array_agg(reason ORDER BY observed_at DESC))[1] AS example FROM observations"
            + " WHERE monitor_id = ANY($1) AND observed_at > $2 AND outcome = 'down' GROUP BY monitor_id, failure_kind")
        .execute(Tuple.of(httpIds.toArray(UUID[]::new), utc(now.minus(FAILURE_WINDOW))))
        .map(TeamFacts::mostFrequent);
    // Newest first through the (monitor_id, observed_at) index, stopping at the first success.
    Future<Map<UUID, Instant>> successes = noRegionUp.isEmpty() ? Future.succeededFuture(Map.of())
        : client.preparedQuery("SELECT m.id, s.observed_at FROM unnest($1::uuid[]) AS m(id), LATERAL (SELECT observed_at"
                + " FROM observations o WHERE o.monitor_id = m.id AND o.outcome = 'up' ORDER BY o.observed_at DESC LIMIT 1) s")
            .execute(Tuple.of(noRegionUp.toArray(UUID[]::new)))
            .map(rows -> {
              Map<UUID, Instant> at = new HashMap<>();
              rows.forEach(row -> at.put(row.getUUID(0), row.getOffsetDateTime(1).toInstant()));
              return at;
            });
    return Future.all(failures, successes).map(all -> new TeamFacts(failures.result(), successes.result()));
  }

  private static Map<UUID, JsonObject> mostFrequent(Iterable<Row> rows) {
    Map<UUID, JsonObject> top = new HashMap<>();
    for (Row row : rows) {
      JsonObject current = top.get(row.getUUID("monitor_id"));
      if (current == null || current.getInteger("count") < row.getInteger("n")) {
        String kind = row.getString("failure_kind");
        top.put(row.getUUID("monitor_id"), new JsonObject().put("kind", kind.isEmpty() ? "failed" : kind)
            .put("count", row.getInteger("n")).put("example", row.getString("example"))
            .put("window", "1h"));
      }
    }
    return top;
  }

  /** The {@code team} object of one HTTP monitor's row. */
  JsonObject forHttp(Monitor monitor, List<RegionVerdict> verdicts) {
    Double depth = worst(verdicts, "depth");
    Double oldest = worst(verdicts, "oldest_job_age");
    Instant lastSuccess = verdicts.stream().filter(v -> !v.lastOutcomeDown()).map(RegionVerdict::lastObservedAt)
        .max(Instant::compareTo).orElse(lastSuccesses.get(monitor.id()));
    return facts(monitor, depth, oldest, lastSuccess).put("top_failure", topFailures.get(monitor.id()));
  }

  /** The {@code team} object of a heartbeat's row: no queue values, the last success ping. */
  static JsonObject forHeartbeat(Monitor monitor, Instant lastSuccess) {
    return facts(monitor, null, null, lastSuccess).put("top_failure", null);
  }

  private static JsonObject facts(Monitor monitor, Double depth, Double oldest, Instant lastSuccess) {
    Long slaSeconds = monitor.alerting().sla().map(Duration::toSeconds).orElse(null);
    return new JsonObject()
        .put("depth", depth)
        .put("oldest_job_age", oldest)
        .put("sla_seconds", slaSeconds)
        .put("sla_breached", oldest != null && slaSeconds != null ? oldest > slaSeconds : null)
        .put("last_success_at", lastSuccess == null ? null : lastSuccess.toString());
  }

  /** The largest value of a named series over the regions' newest runs, or null when no region measured it. */
  private static Double worst(List<RegionVerdict> verdicts, String series) {
    Double worst = null;
    for (RegionVerdict v : verdicts) {
      JsonObject values = v.lastRun().getJsonObject("series");
      Object value = values == null ? null : values.getValue(series);
      if (value instanceof Number number && (worst == null || number.doubleValue() > worst)) {
        worst = number.doubleValue();
      }
    }
    return worst;
  }
}
