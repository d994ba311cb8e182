package io.quorate.coordinator.quorum;

import io.quorate.link.v1.ConditionResult;
import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/** What a person reads of one check run: outcome, failure bucket, condition lines, measured values. */
public final class ObservationJson {
  private static final String KIND_PREFIX = "FAILURE_KIND_";

  private ObservationJson() {}

  /** {@code timeout}, {@code http_credentials}, {@code field_missing}...; empty when the run passed. */
  public static String failureKind(Observation o) {
    FailureKind kind = o.getFailureKind();
    if (kind == FailureKind.FAILURE_KIND_UNSPECIFIED || kind == FailureKind.UNRECOGNIZED) {
      return o.getOutcome() == Outcome.OUTCOME_UP ? "" : "unknown";
    }
    return kind.name().substring(KIND_PREFIX.length()).toLowerCase(Locale.ROOT);
  }

  public static JsonArray conditions(Observation o) {
    JsonArray conditions = new JsonArray();
    for (ConditionResult c : o.getConditionsList()) {
      conditions.add(new JsonObject().put("condition", c.getCondition()).put("success", c.getSuccess())
          .put("line", c.getLine()));
    }
    return conditions;
  }

  public static JsonObject values(Observation o) {
    JsonObject values = new JsonObject();
    o.getValuesMap().forEach(values::put);
    return values;
  }

  public static JsonObject series(Observation o) {
    JsonObject series = new JsonObject();
    o.getSeriesMap().forEach(series::put);
    return series;
  }

  public static String certExpiresAt(Observation o) {
    return o.getCertExpiresAtMs() > 0 ? Instant.ofEpochMilli(o.getCertExpiresAtMs()).toString() : null;
  }

  /** The details a region verdict keeps of its newest run. */
  public static JsonObject lastRun(Observation o) {
    return new JsonObject()
        .put("failure_kind", failureKind(o))
        .put("status_code", o.getStatusCode())
        .put("latency_ms", o.getLatencyMs())
        .put("conditions", conditions(o))
        .put("series", series(o))
        .put("cert_expires_at", certExpiresAt(o));
  }

  /** {@link #lastRun(Observation)} of a run read from the {@code observations} table (these columns by name). */
  public static JsonObject lastRun(Row row) {
    OffsetDateTime certExpiresAt = row.getOffsetDateTime("cert_expires_at");
    return new JsonObject()
        .put("failure_kind", row.getString("failure_kind"))
        .put("status_code", row.getInteger("status_code"))
        .put("latency_ms", row.getLong("latency_ms"))
        .put("conditions", row.getValue("conditions"))
        .put("series", row.getValue("series"))
        .put("cert_expires_at", certExpiresAt == null ? null : certExpiresAt.toInstant().toString());
  }

  /** One run in full, as the test endpoint answers it. */
  public static JsonObject run(Observation o) {
    return new JsonObject()
        .put("outcome", o.getOutcome() == Outcome.OUTCOME_UP ? "up" : "down")
        .put("reason", o.getReason())
        .put("observed_at", Instant.ofEpochMilli(o.getObservedAtMs()).toString())
        .mergeIn(lastRun(o))
        .put("values", values(o));
  }
}
