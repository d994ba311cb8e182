package io.quorate.coordinator.auth;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.config.Secret;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A token that the operator did not configure: generated once for the whole cluster, shown once (through
 * {@code announce}) by the node that generated it, and stored only as its SHA-256. Later starts and other
 * nodes read the hash; the token itself cannot be shown again.
 */
public final class GeneratedTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private GeneratedTokens() {}

  /**
   * @param configured the token from flags/environment, when given: used as is, nothing stored
   * @param announce called with the new token when this node generated it
   */
  public static Future<TokenVerifier> resolve(Pool pool, Clock clock, String key, Optional<Secret> configured,
      Consumer<Secret> announce) {
    if (configured.isPresent()) {
      return Future.succeededFuture(TokenVerifier.of(configured.get()));
    }
    Secret fresh = Secret.of(newToken());
    return pool.preparedQuery("INSERT INTO settings (key, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING")
        .execute(Tuple.of(key, fresh.sha256(), utc(clock.instant())))
        .compose(inserted -> {
          if (inserted.rowCount() == 1) {
            announce.accept(fresh);
          }
          return pool.preparedQuery("SELECT value FROM settings WHERE key = $1").execute(Tuple.of(key));
        })
        .map(rows -> TokenVerifier.ofSha256(rows.iterator().next().getString(0)));
  }

  public static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
