package io.quorate.condition;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a check saw: the HTTP status, how long the whole exchange took, the body as text, the response
 * headers and, over HTTPS, how long the server's certificate has left. Conditions are evaluated against it.
 *
 * @param status                 HTTP status code
 * @param responseTimeMs         time from sending the request to the end of the body, in milliseconds
 * @param body                   the body as text ({@code ""} when there was none)
 * @param headers                response headers; names as received, looked up ignoring case
 * @param certificateExpiresInMs milliseconds from the check until the leaf certificate's notAfter (negative
 *                               once expired); empty when the exchange was not over TLS
 */
public record CheckResponse(int status, long responseTimeMs, String body, Map<String, List<String>> headers,
    OptionalLong certificateExpiresInMs) {

  public CheckResponse {
    body = body == null ? "" : body;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    certificateExpiresInMs = certificateExpiresInMs == null ? OptionalLong.empty() : certificateExpiresInMs;
    if (responseTimeMs < 0) {
      throw new IllegalArgumentException("responseTimeMs must not be negative: " + responseTimeMs);
    }
  }

  /** A response without certificate information (plain HTTP, or a caller that does not keep it). */
  public CheckResponse(int status, long responseTimeMs, String body, Map<String, List<String>> headers) {
    this(status, responseTimeMs, body, headers, OptionalLong.empty());
  }

  /** A response without headers, handy in tests and for callers that do not keep them. */
  public static CheckResponse of(int status, long responseTimeMs, String body) {
    return new CheckResponse(status, responseTimeMs, Objects.requireNonNullElse(body, ""), Map.of());
  }

  /**
   * The same response, seen over TLS with a certificate that expires {@code expiresInMs} from now; this is what
   * {@code [CERTIFICATE_EXPIRATION]} reads (in seconds).
   */
  public CheckResponse withCertificateExpiresInMs(long expiresInMs) {
    return new CheckResponse(status, responseTimeMs, body, headers, OptionalLong.of(expiresInMs));
  }
}
