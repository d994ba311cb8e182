package io.quorate.coordinator.region;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.monitor.Durations;
import io.quorate.coordinator.notify.AlertEvent;
import io.quorate.coordinator.notify.DeliveryOutbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Probe region degraded" incidents, for the people who run Quorate. Opening and resolving are each one
 * conditional statement (the unique index allows one open incident per region), so when every coordinator
 * node reaches the same conclusion at once, exactly one of them opens or resolves it and queues its alert
 * in the same transaction.
 */
public final class RegionIncidents {
  private static final Logger log = LoggerFactory.getLogger(RegionIncidents.class);

  private RegionIncidents() {}

  /** @param resolvedAt empty while open */
  public record RegionIncident(UUID id, String region, Instant openedAt, String reason, Optional<Instant> resolvedAt,
      Optional<String> resolution) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id.toString()).put("region", region).put("opened_at", openedAt.toString())
          .put("reason", reason).put("resolved_at", resolvedAt.map(Instant::toString).orElse(null))
          .put("resolution", resolution.orElse(null));
    }
  }

  /** Opens the region's incident unless one is open; @return whether this call opened it */
  public static Future<Boolean> open(Pool pool, String region, String reason, Instant now, String alertLink) {
    return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO region_incidents (id, region, opened_at, reason)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT (region) WHERE resolved_at IS NULL DO NOTHING RETURNING id")
        .execute(Tuple.of(UUID.randomUUID(), region, utc(now), reason))
        .compose(rows -> {
          if (rows.rowCount() == 0) {
            return Future.succeededFuture(false);
          }
          UUID id = rows.iterator().next().getUUID("id");
          log.warn("probe region degraded region={} incident={} reason=\"{}\"", region, id, reason);
          String text = "PROBE REGION DEGRADED: " + region + ". " + capitalized(reason) + ". Its votes are left out of"
              + " every monitor's quorum until it recovers; monitors are decided by the other regions.";
          return alert(tx, id, region, AlertEvent.REGION_DEGRADED, text, alertLink, now).map(true);
        }));
  }

  /** Resolves the region's open incident, if any; @return whether this call resolved it */
  public static Future<Boolean> resolve(Pool pool, String region, String resolution, Instant now, String alertLink) {
    return pool.withTransaction(tx -> tx.preparedQuery("UPDATE region_incidents SET resolved_at = $2, resolution = $3"
            + " WHERE region = $1 AND resolved_at IS NULL RETURNING id, opened_at")
        .execute(Tuple.of(region, utc(now), resolution))
        .compose(rows -> {
          if (rows.rowCount() == 0) {
            return Future.succeededFuture(false);
          }
          Row row = rows.iterator().next();
          UUID id = row.getUUID("id");
          Duration lasted = Duration.between(row.getOffsetDateTime("opened_at").toInstant(), now);
          log.info("probe region recovered region={} incident={} after={}", region, id, Durations.human(lasted));
          String text = "PROBE REGION RECOVERED: " + region + " after " + Durations.human(lasted) + " (" + resolution
              + "). Its votes count again.";
          return alert(tx, id, region, AlertEvent.REGION_RECOVERED, text, alertLink, now).map(true);
        }));
  }

  /** The open ones, and those resolved in the last week, newest first. */
  public static Future<List<RegionIncident>> recent(SqlClient client, Instant now) {
    return client.preparedQuery("SELECT * FROM region_incidents WHERE resolved_at IS NULL OR resolved_at > $1"
            + " ORDER BY opened_at DESC LIMIT 500")
        .execute(Tuple.of(utc(now.minus(Duration.ofDays(7)))))
        .map(rows -> {
          List<RegionIncident> incidents = new ArrayList<>();
          rows.forEach(row -> incidents.add(new RegionIncident(row.getUUID("id"), row.getString("region"),
              row.getOffsetDateTime("opened_at").toInstant(), row.getString("reason"),
              Optional.ofNullable(row.getOffsetDateTime("resolved_at")).map(OffsetDateTime::toInstant),
              Optional.ofNullable(row.getString("resolution")))));
          return incidents;
        });
  }

  private static Future<Integer> alert(SqlClient tx, UUID id, String region, AlertEvent event, String text,
      String link, Instant now) {
    JsonObject payload = new JsonObject().put("event", event.event()).put("text", text).put("link", link)
        .put("incident", new JsonObject().put("id", id.toString()).put("monitor_name", "probe region " + region))
        .put("region", region);
    return DeliveryOutbox.enqueueToOperators(tx, id, event.event(), payload, now);
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
