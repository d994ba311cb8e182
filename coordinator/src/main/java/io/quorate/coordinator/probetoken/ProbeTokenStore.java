package io.quorate.coordinator.probetoken;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.auth.GeneratedTokens;
import io.quorate.coordinator.config.Secret;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Rows of {@code probe_tokens}. A token is kept only as its SHA-256: it is 24 random bytes from a
 * {@code SecureRandom}, so nobody can guess it from its hash, and a slow password hash (bcrypt, scrypt)
 * would only add cost to every probe connect without making a 192-bit secret any harder to find.
 */
public final class ProbeTokenStore {
  private static final String COLUMNS = "id, region, name, created_at, created_by, last_used_at, revoked_at";
  private final Pool pool;

  public ProbeTokenStore(Pool pool) {
    this.pool = pool;
  }

  /** A token just created: {@code secret} is shown once, in the answer to its creation, and never again. */
  public record Created(ProbeToken token, Secret secret) {}

  public Future<Created> create(String region, String name, Optional<String> createdBy, Instant now) {
    Secret secret = Secret.of(GeneratedTokens.newToken());
    return pool.preparedQuery("INSERT INTO probe_tokens (id, region, name, token_sha256, created_at, created_by)"
            + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), region, name, secret.sha256(), utc(now), createdBy.orElse(null)))
        .map(rows -> new Created(toToken(rows.iterator().next()), secret));
  }

  /** Newest first, revoked ones included. */
  public Future<List<ProbeToken>> list() {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM probe_tokens ORDER BY created_at DESC, id").execute()
        .map(ProbeTokenStore::toList);
  }

  public Future<Optional<ProbeToken>> find(UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM probe_tokens WHERE id = $1").execute(Tuple.of(id))
        .map(ProbeTokenStore::first);
  }

  /** The token whose SHA-256 this is, revoked or not. */
  public Future<Optional<ProbeToken>> findBySha256(String sha256) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM probe_tokens WHERE token_sha256 = $1")
        .execute(Tuple.of(sha256))
        .map(ProbeTokenStore::first);
  }

  /** @return the revoked token, or empty when there is none by this id that is not revoked yet */
  public Future<Optional<ProbeToken>> revoke(UUID id, Instant now) {
    return pool.preparedQuery("UPDATE probe_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL"
            + " RETURNING " + COLUMNS)
        .execute(Tuple.of(id, utc(now)))
        .map(ProbeTokenStore::first);
  }

  public Future<Void> markUsed(UUID id, Instant now) {
    return pool.preparedQuery("UPDATE probe_tokens SET last_used_at = $2 WHERE id = $1")
        .execute(Tuple.of(id, utc(now))).mapEmpty();
  }

  /** Those of {@code ids} that are revoked (or deleted from the table by hand). */
  public Future<Set<UUID>> revokedAmong(Set<UUID> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    UUID[] asked = ids.toArray(UUID[]::new);
    return pool.preparedQuery("SELECT id FROM probe_tokens WHERE id = ANY($1) AND revoked_at IS NULL")
        .execute(Tuple.of(asked))
        .map(rows -> {
          Set<UUID> gone = new HashSet<>(ids);
          rows.forEach(row -> gone.remove(row.getUUID("id")));
          return gone;
        });
  }

  private static Optional<ProbeToken> first(RowSet<Row> rows) {
    return rows.rowCount() == 0 ? Optional.empty() : Optional.of(toToken(rows.iterator().next()));
  }

  private static List<ProbeToken> toList(RowSet<Row> rows) {
    List<ProbeToken> tokens = new ArrayList<>();
    rows.forEach(row -> tokens.add(toToken(row)));
    return tokens;
  }

  private static ProbeToken toToken(Row row) {
    return new ProbeToken(row.getUUID("id"), row.getString("region"), row.getString("name"),
        row.getOffsetDateTime("created_at").toInstant(), Optional.ofNullable(row.getString("created_by")),
        instant(row, "last_used_at"), instant(row, "revoked_at"));
  }

  private static Optional<Instant> instant(Row row, String column) {
    return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
  }
}
