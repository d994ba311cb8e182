package io.quorate.coordinator.monitor;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the alerting fields every monitor type shares (owner, impact, urgency, routing, reminders) from
 * an API request, or throws a {@link ValidationException} naming the field. Absent fields take defaults.
 */
final class AlertingRequests {
  static final Set<String> FIELDS = Set.of("owner", "customer_action", "impact", "urgency", "sla", "labels",
      "channels", "remind_every", "escalation", "flap_cooldown");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,62}");
  private static final int MAX_TEXT = 500;

  private AlertingRequests() {}

  static MonitorAlerting parse(JsonObject body) {
    String urgency = RequestFields.optionalString(body, "urgency").orElse(MonitorAlerting.PAGE);
    if (!urgency.equals(MonitorAlerting.PAGE) && !urgency.equals(MonitorAlerting.WORKING_HOURS)) {
      throw new ValidationException("urgency", "must be \"page\" (alert at any hour) or \"working_hours\", got \""
          + urgency + "\"");
    }
    Optional<JsonObject> escalation = RequestFields.object(body, "escalation",
        "such as {\"after\": \"15m\", \"channels\": [\"<channel id>\"]}");
    Optional<Duration> escalateAfter = escalation.map(e -> between(e, "after", "escalation.after",
        Duration.ofMinutes(1), Duration.ofDays(7)));
    List<UUID> escalateTo = escalation.map(e -> ids(e, "channels", "escalation.channels")).orElse(List.of());
    if (escalation.isPresent()) {
      RequestFields.rejectUnknown(escalation.get(), "escalation.", Set.of("after", "channels"), "an escalation");
      if (escalateTo.isEmpty()) {
        throw new ValidationException("escalation.channels", "must name at least one channel to escalate to");
      }
    }
    return new MonitorAlerting(
        text(body, "owner"),
        text(body, "customer_action"),
        text(body, "impact"),
        urgency,
        optionalBetween(body, "sla", Duration.ofSeconds(1), Duration.ofDays(30)),
        labels(body),
        ids(body, "channels", "channels"),
        optionalBetween(body, "remind_every", Duration.ofMinutes(1), Duration.ofDays(7)),
        escalateAfter,
        escalateTo,
        optionalBetween(body, "flap_cooldown", Duration.ZERO, Duration.ofDays(1))
            .orElse(MonitorAlerting.DEFAULT_FLAP_COOLDOWN));
  }

  private static String text(JsonObject body, String field) {
    String text = RequestFields.optionalString(body, field).orElse("").trim();
    if (text.length() > MAX_TEXT) {
      throw new ValidationException(field, "must be at most " + MAX_TEXT + " characters");
    }
    return text;
  }

  private static Optional<Duration> optionalBetween(JsonObject body, String field, Duration min, Duration max) {
    return body.getValue(field) == null ? Optional.empty() : Optional.of(between(body, field, field, min, max));
  }

  private static Duration between(JsonObject body, String field, String shownAs, Duration min, Duration max) {
    Object value = body.getValue(field);
    if (!(value instanceof String text)) {
      throw new ValidationException(shownAs, "must be a duration such as 5m");
    }
    Duration duration;
    try {
      duration = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(shownAs, e.getMessage());
    }
    if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
      throw new ValidationException(shownAs, "must be between " + Durations.format(min) + " and " + Durations.format(max));
    }
    return duration;
  }

  private static Map<String, String> labels(JsonObject body) {
    Optional<JsonObject> object = RequestFields.object(body, "labels", "of label name to value, e.g. {\"team\": \"billing\"}");
    Map<String, String> labels = new LinkedHashMap<>();
    for (String name : object.map(JsonObject::fieldNames).orElse(Set.of())) {
      if (!LABEL_NAME.matcher(name).matches()) {
        throw new ValidationException("labels." + name, "a label name is lowercase letters, digits, '_', '.' or '-'");
      }
      if (!(object.get().getValue(name) instanceof String value) || value.length() > 200) {
        throw new ValidationException("labels." + name, "must be a string of at most 200 characters");
      }
      labels.put(name, value);
    }
    if (labels.size() > 20) {
      throw new ValidationException("labels", "at most 20 labels per monitor");
    }
    return labels;
  }

  private static List<UUID> ids(JsonObject body, String field, String shownAs) {
    JsonArray array = RequestFields.array(body, field);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      try {
        UUID id = UUID.fromString(String.valueOf(array.getValue(i)));
        if (!ids.contains(id)) {
          ids.add(id);
        }
      } catch (IllegalArgumentException e) {
        throw new ValidationException(shownAs + "[" + i + "]", "must be a channel id");
      }
    }
    return ids;
  }
}
