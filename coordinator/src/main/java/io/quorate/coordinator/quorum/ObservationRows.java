package io.quorate.coordinator.quorum;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.link.v1.Observation;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code observations} table, written a batch at a time. */
final class ObservationRows {
  private ObservationRows() {}

  /** The observations' primary key: an event id already stored. */
  private static final String STORED_BEFORE = "observations_pkey";

  /**
   * Whether a plain {@link #insert} failed because the batch holds an event id stored before (or twice): the
   * batch is then stored again with {@code skipStored}.
   */
  static boolean heldStoredEvents(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
        && STORED_BEFORE.equals(pg.getConstraint());
  }

  /**
   * Inserts a batch in one statement.
   *
   * <p>Nearly every batch is new, so the plain insert comes first: skipping stored event ids costs PostgreSQL a
   * second look into the primary key and a second WAL record per row ({@code ON CONFLICT} inserts
   * speculatively), about a fifth of the insert. A batch that does hold an event stored before (a resend after a
   * reconnect) fails as a whole with {@link #heldStoredEvents}, and the caller stores it again with
   * {@code skipStored}.
   *
   * @param region the region the probe authenticated for (the observation's own region field is not trusted)
   * @param skipStored skip event ids stored before, and an event id repeated in the batch after its first
   * @return the event ids that were new
   */
  static Future<Set<String>> insert(SqlClient tx, String probeNode, String region, List<ParsedObservation> batch,
      boolean skipStored) {
    int n = batch.size();
    String[] eventIds = new String[n];
    OffsetDateTime[] receivedAt = new OffsetDateTime[n];
    UUID[] monitorIds = new UUID[n];
    OffsetDateTime[] observedAt = new OffsetDateTime[n];
    String[] outcomes = new String[n];
    String[] reasons = new String[n];
    Long[] latencies = new Long[n];
    String[] measured = new String[n];
    String[] conditions = new String[n];
    String[] failureKinds = new String[n];
    String[] series = new String[n];
    Integer[] statusCodes = new Integer[n];
    OffsetDateTime[] certExpiresAt = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      ParsedObservation p = batch.get(i);
      Observation o = p.observation();
      eventIds[i] = p.eventId();
      monitorIds[i] = p.monitorId();
      receivedAt[i] = utc(p.receivedAt());
      observedAt[i] = utc(p.observedAt());
      outcomes[i] = p.isDown() ? "down" : "up";
      reasons[i] = o.getReason();
      latencies[i] = o.getLatencyMs();
      measured[i] = ObservationJson.values(o).encode();
      conditions[i] = ObservationJson.conditions(o).encode();
      failureKinds[i] = ObservationJson.failureKind(o);
      series[i] = ObservationJson.series(o).encode();
      statusCodes[i] = o.getStatusCode();
      certExpiresAt[i] = o.getCertExpiresAtMs() > 0 ? utc(Instant.ofEpochMilli(o.getCertExpiresAtMs())) : null;
    }
    return tx.preparedQuery("INSERT INTO observations (event_id, monitor_id, region, probe_node, observed_at,"
            + " received_at, outcome, reason, latency_ms, measured, conditions, failure_kind, series, status_code,"
            + " cert_expires_at) SELECT e, m, $3, $4, t, ra, o, r, l, me::jsonb, c::jsonb, fk, s::jsonb, sc, ce"
            + " FROM unnest($1::text[], $2::uuid[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[],"
            + " $9::bigint[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[], $15::timestamptz[])"
            + " AS u(e, m, ra, t, o, r, l, me, c, fk, s, sc, ce)"
            + (skipStored ? " ON CONFLICT (event_id) DO NOTHING RETURNING event_id" : ""))
        .execute(Tuple.from(new Object[] {eventIds, monitorIds, region, probeNode, receivedAt, observedAt,
            outcomes, reasons, latencies, measured, conditions, failureKinds, series, statusCodes, certExpiresAt}))
        .map(rows -> {
          if (!skipStored) {
            return Set.copyOf(Arrays.asList(eventIds)); // all of them, or the statement had failed
          }
          Set<String> inserted = new HashSet<>();
          rows.forEach(row -> inserted.add(row.getString(0)));
          return inserted;
        });
  }

  /**
   * When a region last saw the queue healthy, for the alert ("last success 21m ago").
   *
   * @param notYet event ids stored in this transaction that a one-by-one ingest would not have stored yet
   */
  static Future<Optional<Instant>> lastSuccess(SqlClient tx, UUID monitorId, List<String> notYet) {
    return tx.preparedQuery("SELECT max(observed_at) AS at FROM observations WHERE monitor_id = $1 AND outcome = 'up'"
            + " AND event_id <> ALL($2)")
        .execute(Tuple.tuple().addUUID(monitorId).addArrayOfString(notYet.toArray(String[]::new)))
        .map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime("at")).map(t -> t.toInstant()));
  }
}
