package io.quorate.coordinator.teamview;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code GET /api/v1/monitors?owner=&label=&state=&q=&limit=&cursor=} asks for, validated. Filters
 * combine with AND; {@code label} may repeat ({@code label=team:billing&label=tier:1}) and {@code state} takes
 * a comma-separated list ({@code state=down,late}).
 *
 * @param limit a page size, or empty for every matching monitor (the list's behaviour before pages)
 */
public record MonitorFilter(Optional<String> owner, Map<String, String> labels, Set<String> states,
    Optional<String> text, Optional<Integer> limit, Optional<MonitorCursor> after) {
  public static final int MAX_LIMIT = 500;
  /** Worst first: the order of the list, and the states {@code state=} accepts. */
  public static final List<String> STATES = List.of("down", "late", "pending", "new", "paused", "running", "up");
  private static final Set<String> PARAMETERS = Set.of("owner", "label", "state", "q", "limit", "cursor");

  public MonitorFilter {
    labels = Map.copyOf(labels);
    states = Set.copyOf(states);
  }

  public static MonitorFilter parse(MultiMap params) {
    for (String name : params.names()) {
      if (!PARAMETERS.contains(name)) {
        throw new ValidationException(name, "is not a filter of this list; use owner, label, state, q, limit or cursor");
      }
    }
    return new MonitorFilter(single(params, "owner"), labels(params.getAll("label")), states(single(params, "state")),
        single(params, "q"), limit(single(params, "limit")), single(params, "cursor").map(MonitorCursor::parse));
  }

  /** The labels as a JSON object, for a containment match on the stored labels. */
  public Optional<JsonObject> labelsJson() {
    return labels.isEmpty() ? Optional.empty() : Optional.of(new JsonObject(new LinkedHashMap<>(labels)));
  }

  private static Optional<String> single(MultiMap params, String name) {
    List<String> values = params.getAll(name);
    if (values.size() > 1) {
      throw new ValidationException(name, "may be given once");
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).trim()).filter(v -> !v.isEmpty());
  }

  private static Map<String, String> labels(List<String> values) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String value : values) {
      int colon = value.indexOf(':');
      if (colon <= 0) {
        throw new ValidationException("label", "must be key:value, e.g. team:billing");
      }
      labels.put(value.substring(0, colon).trim(), value.substring(colon + 1).trim());
    }
    return labels;
  }

  private static Set<String> states(Optional<String> value) {
    Set<String> states = new LinkedHashSet<>();
    value.ifPresent(list -> {
      for (String state : list.split(",")) {
        String trimmed = state.trim();
        if (!STATES.contains(trimmed)) {
          throw new ValidationException("state", "must be one or more of " + String.join(", ", STATES)
              + " (comma-separated), not '" + trimmed + "'");
        }
        states.add(trimmed);
      }
    });
    return states;
  }

  private static Optional<Integer> limit(Optional<String> value) {
    return value.map(text -> {
      try {
        int limit = Integer.parseInt(text);
        if (limit >= 1 && limit <= MAX_LIMIT) {
          return limit;
        }
      } catch (NumberFormatException e) {
        // answered below
      }
      throw new ValidationException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    });
  }
}
