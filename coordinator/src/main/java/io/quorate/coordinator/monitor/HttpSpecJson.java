package io.quorate.coordinator.monitor;

import static io.quorate.coordinator.monitor.MonitorRequests.REDACTED;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * An HTTP monitor's settings as the API shows them. Secrets (secret header values, the bearer token, the
 * basic password) read {@code "****"}; sending the same JSON back keeps them.
 */
final class HttpSpecJson {
  private HttpSpecJson() {}

  static void put(JsonObject json, HttpSpec http) {
    HttpRequestSpec request = http.request();
    json.put("url", request.url())
        .put("method", request.method())
        .put("headers", headers(request))
        .put("auth", request.auth().map(HttpSpecJson::auth).orElse(null))
        .put("body", request.body())
        .put("interval", Durations.format(http.interval()))
        .put("timeout", Durations.format(request.timeout()))
        .put("max_body_bytes", request.maxBodyBytes())
        .put("max_redirects", request.maxRedirects())
        .put("tls_verify", request.tlsVerify())
        .put("conditions", new JsonArray(http.conditions()))
        .put("series", new JsonObject(new LinkedHashMap<>(http.series())))
        .put("regions", new JsonArray(http.regions()))
        .put("quorum", http.quorumRule().toJsonValue())
        .put("quorum_regions", http.quorum())
        .put("confirmations", http.confirmations())
        .put("recoveries", http.recoveries())
        .put("stale_after", Durations.format(http.staleAfter()))
        .put("stale_after_default", http.staleWindow().isEmpty());
  }

  /** Plain headers as strings; secret ones as {@code {"value": "****", "secret": true}}. */
  private static JsonObject headers(HttpRequestSpec request) {
    JsonObject headers = new JsonObject();
    request.headers().forEach((name, value) -> headers.put(name, value.secret()
        ? new JsonObject().put("value", REDACTED).put("secret", true)
        : value.value()));
    return headers;
  }

  private static JsonObject auth(RequestAuth auth) {
    if (auth instanceof RequestAuth.Basic basic) {
      return new JsonObject().put("type", "basic").put("username", basic.username()).put("password", REDACTED);
    }
    return new JsonObject().put("type", "bearer").put("token", REDACTED);
  }
}
