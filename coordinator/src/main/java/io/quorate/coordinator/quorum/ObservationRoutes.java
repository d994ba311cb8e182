package io.quorate.coordinator.quorum;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.api.Ids;
import io.quorate.coordinator.api.NotFoundException;
import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * {@code GET /api/v1/monitors/{id}/observations?region=&limit=&before=}: a monitor's recent check runs, newest
 * first, with their condition lines and measured series, one page at a time ({@code before} = the
 * {@code observed_at} of the last one seen).
 */
public final class ObservationRoutes {
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 1000;
  private final Pool pool;

  public ObservationRoutes(Pool pool) {
    this.pool = pool;
  }

  public void mount(Router api) {
    api.get("/monitors/:id/observations").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    String region = ctx.queryParams().get("region");
    int limit = limit(ctx.queryParams().get("limit"));
    Instant before = before(ctx.queryParams().get("before"));
    pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM monitors WHERE id = $1)").execute(Tuple.of(id))
        .compose(exists -> {
          if (!exists.iterator().next().getBoolean(0)) {
            throw new NotFoundException("monitor " + id);
          }
          return pool.preparedQuery("SELECT region, probe_node, observed_at, outcome, reason, latency_ms, measured,"
                  + " conditions, failure_kind, series, status_code, cert_expires_at FROM observations"
                  + " WHERE monitor_id = $1 AND ($2::text IS NULL OR region = $2) AND observed_at < $3"
                  + " ORDER BY observed_at DESC LIMIT $4")
              .execute(Tuple.of(id, region, utc(before), limit));
        })
        .onSuccess(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(row -> out.add(toJson(row)));
          Responses.json(ctx, 200, new JsonObject().put("observations", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("region", row.getString("region"))
        .put("probe_node", row.getString("probe_node"))
        .put("observed_at", row.getOffsetDateTime("observed_at").toInstant().toString())
        .put("outcome", row.getString("outcome"))
        .put("reason", row.getString("reason"))
        .put("values", row.getValue("measured"))
        .mergeIn(ObservationJson.lastRun(row));
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ValidationException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  private static Instant before(String text) {
    if (text == null) {
      return Instant.parse("9999-12-31T23:59:59Z");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ValidationException("before", "must be a timestamp such as 2026-11-23T14:02:11Z");
    }
  }
}
