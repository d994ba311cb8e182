package io.quorate.coordinator.monitor;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A request header value of an HTTP monitor. A secret value (a token, an API key) is write-only: the API
 * shows it as {@code ****} and {@link #toString()} never reveals it, so it cannot slip into a log line.
 */
public record HeaderValue(String value, boolean secret) {
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");
  private static final String[] CREDENTIAL_WORDS = {"token", "secret", "key", "password", "auth", "session"};

  public HeaderValue {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Whether a header of this name carries credentials, so it is secret even when the caller did not say
   * so: forgetting to mark an API key secret must not put it on every screen that shows the monitor.
   */
  public static boolean isCredentialName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (CREDENTIAL_HEADERS.contains(lower)) {
      return true;
    }
    for (String word : CREDENTIAL_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return secret ? MonitorRequests.REDACTED : value;
  }
}
