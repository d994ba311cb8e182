package io.quorate.coordinator.account;

import io.quorate.coordinator.auth.GeneratedTokens;
import io.quorate.coordinator.config.Secret;
import java.util.Optional;

/**
 * The one-time token that lets the first admin be created from the browser, so that a coordinator just
 * started on a public host cannot be claimed by whoever finds it first. Each node makes its own when it
 * starts with no users and prints it in its log; it is good only until a first admin exists.
 */
public final class SetupToken {
  private final Optional<Secret> token;

  private SetupToken(Optional<Secret> token) {
    this.token = token;
  }

  public static SetupToken fresh() {
    return new SetupToken(Optional.of(Secret.of(GeneratedTokens.newToken())));
  }

  public static SetupToken none() {
    return new SetupToken(Optional.empty());
  }

  public boolean matches(String presented) {
    return token.map(secret -> secret.matches(presented)).orElse(false);
  }

  /** For the start-up log line only. */
  Optional<Secret> secret() {
    return token;
  }
}
