package io.quorate.coordinator.monitor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a {@link MonitorSpec} in the {@code monitors.spec} jsonb column and reads it back. Fields added
 * after the first release have defaults, so rows written by an older version read the same as before.
 */
final class SpecCodec {
  private SpecCodec() {}

  static JsonObject toJson(MonitorSpec spec) {
    if (spec instanceof HttpSpec http) {
      HttpRequestSpec request = http.request();
      JsonObject headers = new JsonObject();
      request.headers().forEach((name, value) ->
          headers.put(name, new JsonObject().put("value", value.value()).put("secret", value.secret())));
      return new JsonObject()
          .put("url", request.url())
          .put("method", request.method())
          .put("headers", headers)
          .put("auth", request.auth().map(SpecCodec::auth).orElse(null))
          .put("body", request.body())
          .put("timeout_ms", request.timeout().toMillis())
          .put("max_body_bytes", request.maxBodyBytes())
          .put("max_redirects", request.maxRedirects())
          .put("tls_verify", request.tlsVerify())
          .put("interval_ms", http.interval().toMillis())
          .put("conditions", new JsonArray(http.conditions()))
          .put("series", new JsonObject(new LinkedHashMap<>(http.series())))
          .put("regions", new JsonArray(http.regions()))
          .put("quorum", http.quorumRule().count() > 0 ? http.quorumRule().count() : null)
          .put("quorum_percent", http.quorumRule().percent() > 0 ? http.quorumRule().percent() : null)
          .put("confirmations", http.confirmations())
          .put("recoveries", http.recoveries())
          .put("stale_after_ms", http.staleWindow().map(Duration::toMillis).orElse(null));
    }
    return HeartbeatCodec.toJson((HeartbeatSpec) spec);
  }

  static MonitorSpec fromRow(String type, JsonObject spec, UUID pingId, Long periodMs, Long graceMs, String slug) {
    if ("heartbeat".equals(type)) {
      return HeartbeatCodec.fromRow(spec, pingId, periodMs, graceMs, slug);
    }
    HttpRequestSpec request = new HttpRequestSpec(
        spec.getString("url"),
        spec.getString("method"),
        headers(spec.getJsonObject("headers", new JsonObject())),
        Optional.ofNullable(spec.getJsonObject("auth")).map(SpecCodec::auth),
        spec.getString("body", ""),
        Duration.ofMillis(spec.getLong("timeout_ms")),
        spec.getLong("max_body_bytes", HttpRequestSpec.DEFAULT_MAX_BODY_BYTES),
        spec.getInteger("max_redirects", HttpRequestSpec.DEFAULT_MAX_REDIRECTS),
        spec.getBoolean("tls_verify", true));
    Map<String, String> series = new LinkedHashMap<>();
    spec.getJsonObject("series", new JsonObject()).forEach(e -> series.put(e.getKey(), String.valueOf(e.getValue())));
    return new HttpSpec(request,
        Duration.ofMillis(spec.getLong("interval_ms")),
        strings(spec.getJsonArray("conditions")),
        series,
        strings(spec.getJsonArray("regions")),
        quorum(spec),
        spec.getInteger("confirmations"),
        spec.getInteger("recoveries", 1),
        Optional.ofNullable(spec.getLong("stale_after_ms")).map(Duration::ofMillis));
  }

  private static QuorumRule quorum(JsonObject spec) {
    Integer percent = spec.getInteger("quorum_percent");
    return percent != null ? QuorumRule.percent(percent) : QuorumRule.regions(spec.getInteger("quorum"));
  }

  /** The first release stored every header as a plain string and treated all of them as secret. */
  private static Map<String, HeaderValue> headers(JsonObject stored) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    stored.forEach(e -> headers.put(e.getKey(), e.getValue() instanceof JsonObject h
        ? new HeaderValue(h.getString("value"), h.getBoolean("secret", true))
        : new HeaderValue(String.valueOf(e.getValue()), true)));
    return headers;
  }

  private static JsonObject auth(RequestAuth auth) {
    if (auth instanceof RequestAuth.Bearer bearer) {
      return new JsonObject().put("type", "bearer").put("token", bearer.token());
    }
    RequestAuth.Basic basic = (RequestAuth.Basic) auth;
    return new JsonObject().put("type", "basic").put("username", basic.username()).put("password", basic.password());
  }

  private static RequestAuth auth(JsonObject stored) {
    return "bearer".equals(stored.getString("type"))
        ? new RequestAuth.Bearer(stored.getString("token"))
        : new RequestAuth.Basic(stored.getString("username"), stored.getString("password"));
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }
}
