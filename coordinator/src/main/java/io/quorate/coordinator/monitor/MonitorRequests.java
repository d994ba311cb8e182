package io.quorate.coordinator.monitor;

import io.quorate.condition.Condition;
import io.quorate.condition.ConditionSyntaxException;
import io.quorate.condition.Series;
import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the JSON body of {@code POST/PUT /api/v1/monitors} into a {@link MonitorDraft}, or throws a
 * {@link ValidationException} naming the first field that is wrong. Conditions and series are parsed here,
 * so a typo is refused when the monitor is saved, not discovered at 3 a.m.
 */
public final class MonitorRequests {
  public static final String REDACTED = "****";
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");
  /** Fields a client may send back unchanged from a GET; they are ignored, never written. */
  private static final Set<String> READ_ONLY = Set.of("id", "state", "open_incident_id", "region_verdicts",
      "created_at", "updated_at", "ping_id", "ping_url", "last_ping_at", "version", "decision", "slug_url",
      "schedule", "next_due_at", "deadline_at", "last_ping", "last_failure", "open_runs", "snoozed_until", "paused",
      "waiting_for_regions", "heartbeat", "quorum_regions", "stale_after_default", "in_maintenance", "silenced",
      "held_by");
  private static final Set<String> COMMON = union(union(Set.of("name", "type"), AlertingRequests.FIELDS),
      PublicListingRequests.FIELDS);
  private static final Set<String> HTTP_FIELDS = Set.of("url", "method", "headers", "auth", "body", "interval",
      "timeout", "max_body_bytes", "max_redirects", "tls_verify", "conditions", "series", "regions", "quorum",
      "confirmations", "recoveries", "stale_after");
  private static final int MAX_CONDITIONS = 50;

  private MonitorRequests() {}

  /** Whether a field of a monitor's JSON is shown by the API but never written (state, ids, times). */
  public static boolean isReadOnly(String field) {
    return READ_ONLY.contains(field);
  }

  /**
   * @param existing the stored monitor when updating: keeps its ping id and any secret sent back as "****"
   * @param knownRegions regions that have connected; the default region set of an HTTP monitor
   */
  public static MonitorDraft parse(JsonObject body, Optional<Monitor> existing, List<String> knownRegions) {
    if (body == null) {
      throw new ValidationException("body", "must be a JSON object");
    }
    String type = RequestFields.requiredString(body, "type");
    String name = RequestFields.requiredString(body, "name").trim();
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
        rejectUnknownFields(body, HeartbeatRequests.FIELDS);
        yield HeartbeatRequests.parse(body, existing.map(Monitor::spec).filter(HeartbeatSpec.class::isInstance)
            .map(HeartbeatSpec.class::cast));
      }
      default -> throw new ValidationException("type", "must be \"http\" or \"heartbeat\", got \"" + type + "\"");
    };
    return new MonitorDraft(name, spec, AlertingRequests.parse(body), PublicListingRequests.parse(body));
  }

  private static HttpSpec http(JsonObject body, Optional<HttpSpec> existing, List<String> knownRegions) {
    Duration interval = RequestFields.duration(body, "interval", "30s");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new ValidationException("interval", "must be between 1s and 1d");
    }
    HttpRequestSpec request = HttpRequestFields.parse(body, existing.map(HttpSpec::request), interval);
    List<String> conditions = conditions(body);
    Map<String, String> series = series(body);
    List<String> regions = regions(body, knownRegions);
    QuorumRule quorum = quorum(body, regions.size());
    int confirmations = (int) RequestFields.whole(body, "confirmations", 2, 1, 100);
    int recoveries = (int) RequestFields.whole(body, "recoveries", 1, 1, 100);
    Optional<Duration> staleAfter = staleAfter(body, interval, request.timeout());
    return new HttpSpec(request, interval, conditions, series, regions, quorum, confirmations, recoveries, staleAfter);
  }

  /** {@code "quorum": 2} (regions) or {@code "quorum": "60%"} (of the monitor's regions); default a majority. */
  private static QuorumRule quorum(JsonObject body, int regions) {
    Object value = body.getValue("quorum");
    if (value == null) {
      return QuorumRule.majority(regions);
    }
    if (value instanceof String text && text.trim().matches("\\d{1,3}%")) {
      int percent = Integer.parseInt(text.trim().replace("%", ""));
      if (percent < 1 || percent > 100) {
        throw new ValidationException("quorum", "a percentage must be between 1% and 100%, got " + text.trim());
      }
      return QuorumRule.percent(percent);
    }
    if (!(value instanceof Integer count)) {
      throw new ValidationException("quorum", "must be a number of regions such as 2, or a percentage such as \"60%\"");
    }
    if (count < 1 || count > regions) {
      throw new ValidationException("quorum", "must be between 1 and the number of regions (" + regions + ")");
    }
    return QuorumRule.regions(count);
  }

  /** Older verdicts do not vote; shorter than an interval would make every region stale between runs. */
  private static Optional<Duration> staleAfter(JsonObject body, Duration interval, Duration timeout) {
    // A GET shows the default window with "stale_after_default": true; sent back, it stays the default.
    if (body.getValue("stale_after") == null || Boolean.TRUE.equals(body.getValue("stale_after_default"))) {
      return Optional.empty();
    }
    Duration staleAfter = RequestFields.duration(body, "stale_after", "0s");
    Duration shortest = interval.plus(timeout);
    if (staleAfter.compareTo(shortest) < 0 || staleAfter.compareTo(Duration.ofDays(7)) > 0) {
      throw new ValidationException("stale_after", "must be between one interval plus the timeout ("
          + Durations.format(shortest) + ") and 7d");
    }
    return Optional.of(staleAfter);
  }

  static List<String> conditions(JsonObject body) {
    JsonArray array = RequestFields.array(body, "conditions");
    if (array.size() > MAX_CONDITIONS) {
      throw new ValidationException("conditions", "at most " + MAX_CONDITIONS + " conditions per monitor");
    }
    List<String> conditions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
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
      if (!seen.add(text.trim())) {
        throw new ValidationException(field, "\"" + text.trim() + "\" is listed twice");
      }
      conditions.add(text.trim());
    }
    return conditions;
  }

  /** {@code {"depth": "[BODY].enqueued", "oldest_job_age": "[BODY].latency"}}: values kept with each run. */
  private static Map<String, String> series(JsonObject body) {
    Optional<JsonObject> object = RequestFields.object(body, "series",
        "of series name to value, e.g. {\"depth\": \"[BODY].enqueued\"}");
    Map<String, String> series = new LinkedHashMap<>();
    for (String name : object.map(JsonObject::fieldNames).orElse(Set.of())) {
      if (!(object.get().getValue(name) instanceof String expression) || expression.isBlank()) {
        throw new ValidationException("series." + name, "must be a value such as \"[BODY].enqueued\"");
      }
      series.put(name, expression.trim());
    }
    if (series.size() > 20) {
      throw new ValidationException("series", "at most 20 series per monitor");
    }
    try {
      Series.parse(series);
    } catch (ConditionSyntaxException e) {
      throw new ValidationException("series", e.getMessage());
    }
    return series;
  }

  private static List<String> regions(JsonObject body, List<String> knownRegions) {
    if (!body.containsKey("regions")) {
      if (knownRegions.isEmpty()) {
        throw new ValidationException("regions", "is required: no probe region has connected yet to default to");
      }
      return List.copyOf(knownRegions);
    }
    JsonArray array = RequestFields.array(body, "regions");
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

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static void rejectUnknownFields(JsonObject body, Set<String> typeFields) {
    for (String field : body.fieldNames()) {
      if (!COMMON.contains(field) && !typeFields.contains(field) && !READ_ONLY.contains(field)) {
        throw new ValidationException(field, "is not a field of " + body.getString("type") + " monitors");
      }
    }
  }
}
