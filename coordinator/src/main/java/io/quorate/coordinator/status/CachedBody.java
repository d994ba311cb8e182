package io.quorate.coordinator.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A rendered answer with its strong ETag: a SHA-256 of the exact bytes, so equal bodies have equal tags on
 * every coordinator node and a reader behind a load balancer still gets 304s.
 */
record CachedBody(byte[] bytes, String etag, String contentType) {
  static CachedBody of(String body, String contentType) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new CachedBody(bytes, etagOf(bytes), contentType);
  }

  private static String etagOf(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** {@code If-None-Match} as RFC 9110 compares it for GET: weakly, any of a list, or {@code *}. */
  boolean matches(String ifNoneMatch) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String candidate = tag.strip();
      if (candidate.equals("*") || (candidate.startsWith("W/") ? candidate.substring(2) : candidate).equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
