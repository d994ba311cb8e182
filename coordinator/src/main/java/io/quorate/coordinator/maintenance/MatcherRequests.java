package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads {@code "matchers": {"monitor_ids": ["<id>"], "labels": {"team": "billing"}}}; labels may also be
 * written as {@code ["team=billing"]}. At least one monitor or label: a hold over every monitor is a
 * different, riskier thing, and is not offered by accident.
 */
final class MatcherRequests {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,62}");
  private static final int MAX_ITEMS = 100;

  private MatcherRequests() {}

  static Matchers parse(JsonObject body) {
    Object value = body.getValue("matchers");
    if (!(value instanceof JsonObject matchers)) {
      throw new ValidationException("matchers", "matchers is required: an object such as {\"monitor_ids\": [\"<id>\"],"
          + " \"labels\": {\"team\": \"billing\"}}");
    }
    Fields.rejectUnknown(matchers, Set.of("monitor_ids", "labels"));
    Matchers parsed = new Matchers(monitorIds(matchers.getValue("monitor_ids")), labels(matchers.getValue("labels")));
    if (parsed.monitorIds().isEmpty() && parsed.labels().isEmpty()) {
      throw new ValidationException("matchers", "name at least one monitor id or label");
    }
    return parsed;
  }

  private static Set<UUID> monitorIds(Object value) {
    Set<UUID> ids = new LinkedHashSet<>();
    if (value == null) {
      return ids;
    }
    if (!(value instanceof JsonArray array) || array.size() > MAX_ITEMS) {
      throw new ValidationException("matchers.monitor_ids", "must be a list of at most " + MAX_ITEMS + " monitor ids");
    }
    for (Object item : array) {
      try {
        ids.add(UUID.fromString((String) item));
      } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
        throw new ValidationException("matchers.monitor_ids", "\"" + item + "\" is not a monitor id");
      }
    }
    return ids;
  }

  private static Map<String, String> labels(Object value) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (value instanceof JsonObject object) {
      object.forEach(e -> labels.put(e.getKey(), e.getValue() instanceof String s ? s : null));
    } else if (value instanceof JsonArray array) {
      for (Object item : array) {
        String pair = item instanceof String s ? s : "";
        int equals = pair.indexOf('=');
        if (equals < 1) {
          throw new ValidationException("matchers.labels", "\"" + item + "\" is not a label written key=value");
        }
        labels.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
    } else if (value != null) {
      throw new ValidationException("matchers.labels", "must be an object such as {\"team\": \"billing\"}");
    }
    labels.forEach(MatcherRequests::checkLabel);
    if (labels.size() > MAX_ITEMS) {
      throw new ValidationException("matchers.labels", "at most " + MAX_ITEMS + " labels");
    }
    return labels;
  }

  private static void checkLabel(String name, String value) {
    if (!LABEL_NAME.matcher(name).matches()) {
      throw new ValidationException("matchers.labels." + name,
          "a label name is lowercase letters, digits, '_', '.' or '-'");
    }
    if (value == null || value.length() > 200) {
      throw new ValidationException("matchers.labels." + name, "must be a string of at most 200 characters");
    }
  }
}
