package io.quorate.coordinator.account;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.auth.GeneratedTokens;
import io.quorate.coordinator.config.Secret;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of {@code sessions}: a session id (random, kept only as its SHA-256, so a copy of the database
 * cannot be used to sign in) tied to a user, with its CSRF token and an absolute expiry.
 */
public final class SessionStore {
  private final Pool pool;
  private final Duration lifetime;

  public SessionStore(Pool pool, Duration lifetime) {
    this.pool = pool;
    this.lifetime = lifetime;
  }

  /** A session just opened: {@code id} goes into the cookie and is never stored. */
  public record Opened(Secret id, String csrfToken, Instant expiresAt) {}

  /** The signed-in user of a live session. */
  public record Live(User user, String csrfToken) {}

  public Duration lifetime() {
    return lifetime;
  }

  /** Opens a session; expired sessions of everyone are dropped on the way (sign-ins are rare). */
  public Future<Opened> open(UUID userId, Instant now) {
    Secret id = Secret.of(GeneratedTokens.newToken() + GeneratedTokens.newToken());
    String csrf = GeneratedTokens.newToken();
    Instant expiresAt = now.plus(lifetime);
    return pool.preparedQuery("DELETE FROM sessions WHERE expires_at <= $1").execute(Tuple.of(utc(now)))
        .compose(purged -> pool.preparedQuery("INSERT INTO sessions (id_sha256, user_id, csrf_token, created_at, expires_at)"
                + " VALUES ($1, $2, $3, $4, $5)")
            .execute(Tuple.of(id.sha256(), userId, csrf, utc(now), utc(expiresAt))))
        .map(inserted -> new Opened(id, csrf, expiresAt));
  }

  /** The session's user when the session exists, has not expired, and the user is not disabled. */
  public Future<Optional<Live>> find(String sessionId, Instant now) {
    return pool.preparedQuery("SELECT s.csrf_token, u.id, u.username, u.password_hash, u.role, u.created_at,"
            + " u.created_by, u.disabled_at FROM sessions s JOIN users u ON u.id = s.user_id"
            + " WHERE s.id_sha256 = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL")
        .execute(Tuple.of(Secret.sha256(sessionId), utc(now)))
        .map(rows -> {
          if (!rows.iterator().hasNext()) {
            return Optional.empty();
          }
          var row = rows.iterator().next();
          return Optional.of(new Live(UserStore.toUser(row), row.getString("csrf_token")));
        });
  }

  public Future<Void> close(String sessionId) {
    return pool.preparedQuery("DELETE FROM sessions WHERE id_sha256 = $1").execute(Tuple.of(Secret.sha256(sessionId)))
        .mapEmpty();
  }

  /** Signs a user out everywhere: after a password change, a role change, disabling or deleting them. */
  public Future<Void> closeAllOf(UUID userId) {
    return pool.preparedQuery("DELETE FROM sessions WHERE user_id = $1").execute(Tuple.of(userId)).mapEmpty();
  }
}
