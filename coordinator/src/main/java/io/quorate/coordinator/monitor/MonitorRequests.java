package io.quorate.coordinator.monitor;

import io.quorate.condition.Condition;
import io.quorate.condition.ConditionSyntaxException;
import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns the JSON body of {@code POST/PUT /api/v1/monitors} into a {@link MonitorDraft}, or throws a
 * {@link ValidationException} naming the first field that is wrong. Conditions are parsed here, so a
 * typo is refused when the monitor is saved, not discovered at 3 a.m.
 */
public final class MonitorRequests {
  public static final String REDACTED = "****";
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  /** Fields a client may send back unchanged from a GET; they are ignored, never written. */
  private static final Set<String> READ_ONLY = Set.of("id", "state", "open_incident_id", "region_verdicts",
      "created_at", "updated_at", "ping_id", "ping_url", "last_ping_at", "version", "decision");
  private static final Set<String> COMMON = Set.of("name", "type");
  private static final Set<String> HTTP_FIELDS = Set.of("url", "method", "headers", "interval", "timeout",
      "conditions", "regions", "quorum", "confirmations");
  private static final Set<String> HEARTBEAT_FIELDS = Set.of("period", "grace");

  private MonitorRequests() {}

  /**
   * @param existing the stored monitor when updating: keeps its ping id and any header sent back as "****"
   * @param knownRegions regions that have connected; the default region set of an HTTP monitor
   */
  public static MonitorDraft parse(JsonObject body, Optional<Monitor> existing, List<String> knownRegions) {
    if (body == null) {
      throw new ValidationException("body", "must be a JSON object");
    }
    String type = requiredString(body, "type");
    String name = requiredString(body, "name").trim();
    if (name.isEmpty() || name.length() > 200) {
      throw new ValidationException("name", "must be 1 to 200 characters");
    }
    existing.ifPresent(m -> {
      if (!m.spec().type().equals(type)) {
        throw new ValidationException("type", "cannot change from " + m.spec().type() + " to " + type
            + "; create a new monitor instead");
      }
    });
    MonitorSpec spec = switch (type) {
      case "http" -> {
        rejectUnknownFields(body, HTTP_FIELDS);
        yield http(body, existing.map(Monitor::spec).filter(HttpSpec.class::isInstance).map(HttpSpec.class::cast),
            knownRegions);
      }
      case "heartbeat" -> {
        rejectUnknownFields(body, HEARTBEAT_FIELDS);
        yield heartbeat(body, existing.map(Monitor::spec).filter(HeartbeatSpec.class::isInstance)
            .map(HeartbeatSpec.class::cast));
      }
      default -> throw new ValidationException("type", "must be \"http\" or \"heartbeat\", got \"" + type + "\"");
    };
    return new MonitorDraft(name, spec);
  }

  private static HttpSpec http(JsonObject body, Optional<HttpSpec> existing, List<String> knownRegions) {
    String url = url(requiredString(body, "url"));
    String method = optionalString(body, "method").orElse("GET").toUpperCase();
    if (!METHODS.contains(method)) {
      throw new ValidationException("method", "must be one of " + String.join(", ", new java.util.TreeSet<>(METHODS)));
    }
    Map<String, String> headers = headers(body, existing.map(HttpSpec::headers).orElse(Map.of()));
    Duration interval = duration(body, "interval", "30s");
    Duration timeout = duration(body, "timeout", "10s");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new ValidationException("interval", "must be between 1s and 1d");
    }
    if (timeout.isZero() || timeout.compareTo(interval) > 0) {
      throw new ValidationException("timeout", "must be more than 0 and at most the interval (" + Durations.format(interval) + ")");
    }
    List<String> conditions = conditions(body);
    List<String> regions = regions(body, knownRegions);
    int quorum = integer(body, "quorum", regions.size() / 2 + 1);
    if (quorum < 1 || quorum > regions.size()) {
      throw new ValidationException("quorum", "must be between 1 and the number of regions (" + regions.size() + ")");
    }
    int confirmations = integer(body, "confirmations", 2);
    if (confirmations < 1 || confirmations > 100) {
      throw new ValidationException("confirmations", "must be between 1 and 100");
    }
    return new HttpSpec(url, method, headers, interval, timeout, conditions, regions, quorum, confirmations);
  }

  private static HeartbeatSpec heartbeat(JsonObject body, Optional<HeartbeatSpec> existing) {
    if (!body.containsKey("period")) {
      throw new ValidationException("period", "is required: how often the worker pings, e.g. \"5m\"");
    }
    Duration period = duration(body, "period", null);
    Duration grace = duration(body, "grace", "1m");
    if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(365)) > 0) {
      throw new ValidationException("period", "must be between 1s and 365d");
    }
    if (grace.compareTo(Duration.ofDays(365)) > 0) {
      throw new ValidationException("grace", "must be at most 365d");
    }
    UUID pingId = existing.map(HeartbeatSpec::pingId).orElseGet(UUID::randomUUID);
    return new HeartbeatSpec(pingId, period, grace);
  }

  private static String url(String text) {
    try {
      URI uri = new URI(text.trim());
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (!web || uri.getHost() == null) {
        throw new ValidationException("url", "must be an absolute http:// or https:// URL with a host");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw new ValidationException("url", "is not a valid URL: " + e.getReason());
    }
  }

  private static Map<String, String> headers(JsonObject body, Map<String, String> stored) {
    Object raw = body.getValue("headers");
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof JsonObject object)) {
      throw new ValidationException("headers", "must be an object of header name to value");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : object.fieldNames()) {
      if (!HEADER_NAME.matcher(name).matches()) {
        throw new ValidationException("headers." + name, "is not a valid header name");
      }
      if (!(object.getValue(name) instanceof String value)) {
        throw new ValidationException("headers." + name, "must be a string");
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new ValidationException("headers." + name, "must not contain line breaks");
      }
      if (REDACTED.equals(value)) {
        if (!stored.containsKey(name)) {
          throw new ValidationException("headers." + name, "is \"****\" but no value is stored to keep");
        }
        value = stored.get(name);
      }
      headers.put(name, value);
    }
    return headers;
  }

  private static List<String> conditions(JsonObject body) {
    JsonArray array = array(body, "conditions");
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String field = "conditions[" + i + "]";
      if (!(array.getValue(i) instanceof String text) || text.isBlank()) {
        throw new ValidationException(field, "must be a non-empty string such as \"[BODY].enqueued < 1000\"");
      }
      try {
        Condition.parse(text);
      } catch (ConditionSyntaxException e) {
        throw new ValidationException(field, e.getMessage());
      }
      conditions.add(text.trim());
    }
    if (conditions.size() > 50) {
      throw new ValidationException("conditions", "at most 50 conditions per monitor");
    }
    return conditions;
  }

  private static List<String> regions(JsonObject body, List<String> knownRegions) {
    if (!body.containsKey("regions")) {
      if (knownRegions.isEmpty()) {
        throw new ValidationException("regions", "is required: no probe region has connected yet to default to");
      }
      return List.copyOf(knownRegions);
    }
    JsonArray array = array(body, "regions");
    Set<String> regions = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String region) || !REGION.matcher(region).matches()) {
        throw new ValidationException("regions[" + i + "]", "must be a region name of lowercase letters, digits and dashes");
      }
      if (!regions.add(region)) {
        throw new ValidationException("regions[" + i + "]", "\"" + region + "\" is listed twice");
      }
    }
    if (regions.isEmpty()) {
      throw new ValidationException("regions", "must name at least one region");
    }
    return List.copyOf(regions);
  }

  private static void rejectUnknownFields(JsonObject body, Set<String> typeFields) {
    for (String field : body.fieldNames()) {
      if (!COMMON.contains(field) && !typeFields.contains(field) && !READ_ONLY.contains(field)) {
        throw new ValidationException(field, "is not a field of " + body.getString("type") + " monitors");
      }
    }
  }

  private static String requiredString(JsonObject body, String field) {
    return optionalString(body, field).orElseThrow(() -> new ValidationException(field, "is required"));
  }

  private static Optional<String> optionalString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new ValidationException(field, "must be a string");
    }
    return Optional.of(text);
  }

  private static Duration duration(JsonObject body, String field, String fallback) {
    String text = optionalString(body, field).orElse(fallback);
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field, e.getMessage());
    }
  }

  private static int integer(JsonObject body, String field, int fallback) {
    Object value = body.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() != ((Number) value).intValue()) {
      throw new ValidationException(field, "must be a whole number");
    }
    return ((Number) value).intValue();
  }

  private static JsonArray array(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw new ValidationException(field, "must be an array");
    }
    return array;
  }
}
