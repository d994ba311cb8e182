package io.quorate.coordinator.monitor;

import static io.quorate.coordinator.monitor.MonitorRequests.REDACTED;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The request part of an HTTP monitor's API body: url, method, headers, auth, body and the limits.
 * Secrets sent back as {@code "****"} keep the stored value, so a client can PUT what it got from a GET.
 */
final class HttpRequestFields {
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  private static final int MAX_REQUEST_BODY_BYTES = 64 * 1024;
  private static final long MAX_RESPONSE_BODY_BYTES = 64L * 1024 * 1024;

  private HttpRequestFields() {}

  static HttpRequestSpec parse(JsonObject body, Optional<HttpRequestSpec> stored, Duration interval) {
    String url = url(RequestFields.requiredString(body, "url"));
    String method = RequestFields.optionalString(body, "method").orElse("GET").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new ValidationException("method", "must be one of " + String.join(", ", new TreeSet<>(METHODS)));
    }
    Map<String, HeaderValue> headers = headers(body, stored.map(HttpRequestSpec::headers).orElse(Map.of()));
    Optional<RequestAuth> auth = auth(body, stored.flatMap(HttpRequestSpec::auth));
    if (auth.isPresent() && headers.keySet().stream().anyMatch("authorization"::equalsIgnoreCase)) {
      throw new ValidationException("auth", "and an Authorization header are both set; keep one of them");
    }
    String requestBody = RequestFields.optionalString(body, "body").orElse("");
    if (requestBody.getBytes(StandardCharsets.UTF_8).length > MAX_REQUEST_BODY_BYTES) {
      throw new ValidationException("body", "must be at most " + MAX_REQUEST_BODY_BYTES + " bytes");
    }
    Duration timeout = RequestFields.duration(body, "timeout", "10s");
    if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(interval) > 0) {
      throw new ValidationException("timeout", "must be more than 0 and at most the interval ("
          + Durations.format(interval) + ")");
    }
    long maxBody = RequestFields.whole(body, "max_body_bytes", HttpRequestSpec.DEFAULT_MAX_BODY_BYTES, 1,
        MAX_RESPONSE_BODY_BYTES);
    int maxRedirects = (int) RequestFields.whole(body, "max_redirects", HttpRequestSpec.DEFAULT_MAX_REDIRECTS, 0, 10);
    boolean tlsVerify = RequestFields.bool(body, "tls_verify", true);
    return new HttpRequestSpec(url, method, headers, auth, requestBody, timeout, maxBody, maxRedirects, tlsVerify);
  }

  private static String url(String text) {
    try {
      URI uri = new URI(text.trim());
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (!web || uri.getHost() == null) {
        throw new ValidationException("url", "must be an absolute http:// or https:// URL with a host");
      }
      if (uri.getUserInfo() != null) {
        throw new ValidationException("url", "must not carry a user name or password; use the auth field, whose "
            + "password is never shown again");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw new ValidationException("url", "is not a valid URL: " + e.getReason());
    }
  }

  private static Map<String, HeaderValue> headers(JsonObject body, Map<String, HeaderValue> stored) {
    Optional<JsonObject> object = RequestFields.object(body, "headers", "of header name to value");
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    for (String name : object.map(JsonObject::fieldNames).orElse(Set.of())) {
      String field = "headers." + name;
      if (!HEADER_NAME.matcher(name).matches()) {
        throw new ValidationException(field, "is not a valid header name");
      }
      headers.put(name, header(field, name, object.get().getValue(name), stored.get(name)));
    }
    return headers;
  }

  /** A header given as {@code "value"} or as {@code {"value": "...", "secret": true}}. */
  private static HeaderValue header(String field, String name, Object raw, HeaderValue stored) {
    String value;
    boolean secret = HeaderValue.isCredentialName(name);
    if (raw instanceof String text) {
      value = text;
    } else if (raw instanceof JsonObject object) {
      RequestFields.rejectUnknown(object, field + ".", Set.of("value", "secret"), "a header");
      value = RequestFields.requiredString(object, "value", field + ".value");
      secret |= RequestFields.bool(object, "secret", false);
    } else {
      throw new ValidationException(field, "must be a string or {\"value\": \"...\", \"secret\": true}");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new ValidationException(field, "must not contain line breaks");
    }
    if (REDACTED.equals(value)) {
      if (stored == null) {
        throw new ValidationException(field, "is \"****\" but no value is stored to keep");
      }
      return new HeaderValue(stored.value(), secret || stored.secret());
    }
    return new HeaderValue(value, secret);
  }

  private static Optional<RequestAuth> auth(JsonObject body, Optional<RequestAuth> stored) {
    Optional<JsonObject> object = RequestFields.object(body, "auth",
        "such as {\"type\": \"bearer\", \"token\": \"...\"} or {\"type\": \"basic\", \"username\": \"...\", \"password\": \"...\"}");
    if (object.isEmpty()) {
      return Optional.empty();
    }
    JsonObject auth = object.get();
    String type = RequestFields.requiredString(auth, "type", "auth.type");
    return Optional.of(switch (type) {
      case "bearer" -> {
        RequestFields.rejectUnknown(auth, "auth.", Set.of("type", "token"), "bearer auth");
        String token = keep(RequestFields.requiredString(auth, "token", "auth.token"), "auth.token",
            stored.filter(RequestAuth.Bearer.class::isInstance).map(a -> ((RequestAuth.Bearer) a).token()));
        yield new RequestAuth.Bearer(token);
      }
      case "basic" -> {
        RequestFields.rejectUnknown(auth, "auth.", Set.of("type", "username", "password"), "basic auth");
        String username = RequestFields.requiredString(auth, "username", "auth.username");
        if (username.contains(":")) {
          throw new ValidationException("auth.username", "must not contain \":\"");
        }
        String password = keep(RequestFields.requiredString(auth, "password", "auth.password"), "auth.password",
            stored.filter(RequestAuth.Basic.class::isInstance).map(a -> ((RequestAuth.Basic) a).password()));
        yield new RequestAuth.Basic(username, password);
      }
      default -> throw new ValidationException("auth.type", "must be \"bearer\" or \"basic\", got \"" + type + "\"");
    });
  }

  private static String keep(String sent, String field, Optional<String> stored) {
    if (!REDACTED.equals(sent)) {
      if (sent.isEmpty()) {
        throw new ValidationException(field, "must not be empty");
      }
      return sent;
    }
    return stored.orElseThrow(() -> new ValidationException(field, "is \"****\" but no value is stored to keep"));
  }
}
