package io.quorate.coordinator.monitor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The request an HTTP monitor sends from every region.
 *
 * @param headers      request headers by name; secret ones are write-only
 * @param auth         bearer or basic credentials, sent as the Authorization header
 * @param body         request body, empty for none
 * @param timeout      hard deadline of one run: connect, redirects and the whole body
 * @param maxBodyBytes the response body read is capped here; a longer body fails the check
 * @param maxRedirects redirects followed (each hop checked again by the probe's target rules); 0 follows none
 * @param tlsVerify    verify the target's certificate; off only for endpoints with self-signed certificates
 */
public record HttpRequestSpec(
    String url,
    String method,
    Map<String, HeaderValue> headers,
    Optional<RequestAuth> auth,
    String body,
    Duration timeout,
    long maxBodyBytes,
    int maxRedirects,
    boolean tlsVerify) {

  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  public HttpRequestSpec {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(method, "method");
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(auth, "auth");
    body = body == null ? "" : body;
    Objects.requireNonNull(timeout, "timeout");
  }

  /** The headers as the probe sends them, the Authorization header from {@link #auth} included. */
  public Map<String, String> wireHeaders() {
    Map<String, String> wire = new LinkedHashMap<>();
    headers.forEach((name, value) -> wire.put(name, value.value()));
    auth.ifPresent(a -> wire.put("Authorization", a.authorizationHeader()));
    return wire;
  }
}
