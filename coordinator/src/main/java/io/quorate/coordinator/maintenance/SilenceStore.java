package io.quorate.coordinator.maintenance;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code silences}. Expiring early is conditional on the silence not having ended, so it happens once. */
public final class SilenceStore {
  private static final String COLUMNS = "id, matchers, starts_at, ends_at, created_by, comment, created_at, expired_at,"
      + " expired_by";

  private SilenceStore() {}

  /** What a person asks for: a silence without its id and record times. */
  public record Draft(Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {}

  public static Future<Silence> create(SqlClient client, Draft draft, Instant now) {
    return client.preparedQuery("INSERT INTO silences (id, matchers, starts_at, ends_at, created_by, comment,"
            + " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING " + COLUMNS)
        .execute(Tuple.from(new Object[] {UUID.randomUUID(), draft.matchers().toJson(), utc(draft.startsAt()),
            utc(draft.endsAt()), draft.createdBy(), draft.comment(), utc(now)}))
        .map(rows -> toSilence(rows.iterator().next()));
  }

  /** @return the expired silence, or empty when it had already ended or been expired */
  public static Future<Optional<Silence>> expire(SqlClient client, UUID id, String by, Instant now) {
    return client.preparedQuery("UPDATE silences SET expired_at = $2, expired_by = $3"
            + " WHERE id = $1 AND expired_at IS NULL AND ends_at > $2 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, utc(now), by))
        .map(SilenceStore::first);
  }

  public static Future<Optional<Silence>> find(SqlClient client, UUID id) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM silences WHERE id = $1").execute(Tuple.of(id))
        .map(SilenceStore::first);
  }

  /** Newest first, expired ones included. */
  public static Future<List<Silence>> list(SqlClient client, int limit) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM silences ORDER BY created_at DESC, id LIMIT $1")
        .execute(Tuple.of(limit))
        .map(SilenceStore::toList);
  }

  public static Future<List<Silence>> activeAt(SqlClient client, Instant now) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM silences"
            + " WHERE expired_at IS NULL AND starts_at <= $1 AND ends_at > $1")
        .execute(Tuple.of(utc(now)))
        .map(SilenceStore::toList);
  }

  private static List<Silence> toList(RowSet<Row> rows) {
    List<Silence> silences = new ArrayList<>();
    rows.forEach(row -> silences.add(toSilence(row)));
    return silences;
  }

  private static Optional<Silence> first(RowSet<Row> rows) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(toSilence(iterator.next())) : Optional.empty();
  }

  private static Silence toSilence(Row row) {
    String expiredBy = row.getString("expired_by");
    return new Silence(row.getUUID("id"), Matchers.fromJson((JsonObject) row.getValue("matchers")),
        instant(row, "starts_at"), instant(row, "ends_at"), row.getString("created_by"), row.getString("comment"),
        instant(row, "created_at"), Optional.ofNullable(row.getOffsetDateTime("expired_at"))
            .map(OffsetDateTime::toInstant), expiredBy == null ? "" : expiredBy);
  }

  private static Instant instant(Row row, String column) {
    return row.getOffsetDateTime(column).toInstant();
  }
}
