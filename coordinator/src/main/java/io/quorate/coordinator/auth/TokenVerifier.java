package io.quorate.coordinator.auth;

import io.quorate.coordinator.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks a presented bearer token against the configured one, or against the SHA-256 of a token that
 * was generated at first start and shown once. Constant-time either way.
 */
public final class TokenVerifier {
  private final String expectedSha256;

  private TokenVerifier(String expectedSha256) {
    this.expectedSha256 = expectedSha256;
  }

  public static TokenVerifier of(Secret token) {
    return new TokenVerifier(token.sha256());
  }

  public static TokenVerifier ofSha256(String sha256) {
    return new TokenVerifier(sha256);
  }

  public boolean matches(String presented) {
    if (presented == null || presented.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(expectedSha256.getBytes(StandardCharsets.US_ASCII),
        Secret.sha256(presented).getBytes(StandardCharsets.US_ASCII));
  }

  /** The token from an {@code Authorization: Bearer <token>} header value, or null. */
  public static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).trim();
  }
}
