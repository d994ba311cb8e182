package io.quorate.coordinator.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (Spring Security's encoder: salted, parameters kept in the hash string so they
 * can be raised later). Hashing takes tens of milliseconds on purpose, so it runs on a worker thread,
 * never on an event loop.
 */
public final class PasswordHasher {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 256;
  private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  private final Vertx vertx;
  /** Checked against when a username does not exist, so the answer takes as long as for a wrong password. */
  private final Future<String> decoy;

  public PasswordHasher(Vertx vertx) {
    this.vertx = vertx;
    this.decoy = hash("decoy password for unknown usernames");
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> encoder.encode(password), false);
  }

  public Future<Boolean> matches(String password, String hash) {
    return vertx.executeBlocking(() -> encoder.matches(password, hash), false);
  }

  /** Spends the time of a real check and answers false. */
  public Future<Boolean> decoyCheck(String password) {
    return decoy.compose(hash -> matches(password, hash)).map(ignored -> false);
  }
}
