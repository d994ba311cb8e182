package io.quorate.condition;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a check saw: the HTTP status, how long the whole exchange took, the body as text and the response
 * headers. Conditions are evaluated against it.
 *
 * @param status         HTTP status code
 * @param responseTimeMs time from sending the request to the end of the body, in milliseconds
 * @param body           the body as text ({@code ""} when there was none)
 * @param headers        response headers; names as received
 */
public record CheckResponse(int status, long responseTimeMs, String body, Map<String, List<String>> headers) {
  public CheckResponse {
    body = body == null ? "" : body;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (responseTimeMs < 0) {
      throw new IllegalArgumentException("responseTimeMs must not be negative: " + responseTimeMs);
    }
  }

  /** A response without headers, handy in tests and for callers that do not keep them. */
  public static CheckResponse of(int status, long responseTimeMs, String body) {
    return new CheckResponse(status, responseTimeMs, Objects.requireNonNullElse(body, ""), Map.of());
  }
}
