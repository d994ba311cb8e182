package io.quorate.coordinator.probetoken;

import io.quorate.coordinator.auth.TokenVerifier;
import io.quorate.coordinator.config.Secret;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells whom a probe's bearer token speaks for: the shared probe token, or one region's enrollment token. */
public final class ProbeAuthenticator {
  private static final Logger log = LoggerFactory.getLogger(ProbeAuthenticator.class);
  private final TokenVerifier sharedToken;
  private final ProbeTokenStore tokens;
  private final Clock clock;

  public ProbeAuthenticator(TokenVerifier sharedToken, ProbeTokenStore tokens, Clock clock) {
    this.sharedToken = sharedToken;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * @return succeeds with the credential; fails with {@link LinkRefusedException} when the token is missing,
   *     unknown or revoked, or with the database's error when it cannot be looked up
   */
  public Future<ProbeCredential> authenticate(String presented) {
    if (presented == null || presented.isEmpty()) {
      return Future.failedFuture(new LinkRefusedException(RefusalReason.MISSING_TOKEN, Optional.empty()));
    }
    if (sharedToken.matches(presented)) {
      return Future.succeededFuture(new ProbeCredential.SharedToken());
    }
    // Looked up by its hash through an index: what timing could tell about the hash says nothing about the token.
    return tokens.findBySha256(Secret.sha256(presented)).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new LinkRefusedException(RefusalReason.UNKNOWN_TOKEN, Optional.empty()));
      }
      ProbeToken token = found.get();
      if (token.revoked()) {
        return Future.failedFuture(new LinkRefusedException(RefusalReason.REVOKED_TOKEN, Optional.of(token.id())));
      }
      tokens.markUsed(token.id(), clock.instant()).onFailure(error ->
          log.warn("probe token use not recorded token_id={} error={}", token.id(), error.toString()));
      return Future.succeededFuture(new ProbeCredential.RegionToken(token.id(), token.region()));
    });
  }
}
