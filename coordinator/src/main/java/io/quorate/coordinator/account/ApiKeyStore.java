package io.quorate.coordinator.account;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.auth.GeneratedTokens;
import io.quorate.coordinator.config.Secret;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of {@code api_keys}. Keys are {@code qk_} plus 32 random bytes and kept only as their SHA-256 (a
 * slow hash would cost every API call and protect nothing: the key cannot be guessed).
 */
public final class ApiKeyStore {
  public static final String KEY_PREFIX = "qk_";
  private static final String COLUMNS = "id, name, key_prefix, scope, created_at, created_by, last_used_at, revoked_at";
  /** "Last used" is a hint for people, so it is written at most this often per key, not on every call. */
  private static final Duration USE_RECORD_INTERVAL = Duration.ofMinutes(1);
  private final Pool pool;

  public ApiKeyStore(Pool pool) {
    this.pool = pool;
  }

  /** A key just created: {@code key} is in that one answer and never again. */
  public record Created(ApiKey apiKey, Secret key) {}

  public Future<Created> create(String name, ApiKey.Scope scope, String createdBy, Instant now) {
    Secret key = Secret.of(KEY_PREFIX + GeneratedTokens.newToken() + GeneratedTokens.newToken());
    String prefix = key.reveal().substring(0, KEY_PREFIX.length() + 6);
    return pool.preparedQuery("INSERT INTO api_keys (id, name, key_prefix, key_sha256, scope, created_at, created_by)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), name, prefix, key.sha256(), scope.code(), utc(now), createdBy))
        .map(rows -> new Created(toKey(rows.iterator().next()), key));
  }

  public Future<List<ApiKey>> list() {
    return pool.query("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at DESC, id").execute()
        .map(ApiKeyStore::all);
  }

  public Future<Optional<ApiKey>> find(UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = $1").execute(Tuple.of(id))
        .map(ApiKeyStore::first);
  }

  /** The unrevoked key with this value, recording its use (at most once a minute). */
  public Future<Optional<ApiKey>> use(String presented, Instant now) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_sha256 = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(Secret.sha256(presented)))
        .map(ApiKeyStore::first)
        .onSuccess(found -> found.filter(key -> key.lastUsedAt().map(last -> last.plus(USE_RECORD_INTERVAL)
                .isBefore(now)).orElse(true))
            .ifPresent(key -> pool.preparedQuery("UPDATE api_keys SET last_used_at = $2 WHERE id = $1")
                .execute(Tuple.of(key.id(), utc(now)))));
  }

  /** @return the revoked key, or empty when there is no unrevoked key by this id */
  public Future<Optional<ApiKey>> revoke(UUID id, Instant now) {
    return pool.preparedQuery("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING " + COLUMNS)
        .execute(Tuple.of(id, utc(now)))
        .map(ApiKeyStore::first);
  }

  private static Optional<ApiKey> first(RowSet<Row> rows) {
    return rows.iterator().hasNext() ? Optional.of(toKey(rows.iterator().next())) : Optional.empty();
  }

  private static List<ApiKey> all(RowSet<Row> rows) {
    List<ApiKey> keys = new ArrayList<>();
    rows.forEach(row -> keys.add(toKey(row)));
    return keys;
  }

  private static ApiKey toKey(Row row) {
    return new ApiKey(row.getUUID("id"), row.getString("name"), row.getString("key_prefix"),
        ApiKey.Scope.parse(row.getString("scope")).orElseThrow(), row.getOffsetDateTime("created_at").toInstant(),
        row.getString("created_by"), instant(row, "last_used_at"), instant(row, "revoked_at"));
  }

  private static Optional<Instant> instant(Row row, String column) {
    return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
  }
}
