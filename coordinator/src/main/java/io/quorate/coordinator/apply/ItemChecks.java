package io.quorate.coordinator.apply;

import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorDraft;
import io.quorate.coordinator.monitor.MonitorJson;
import io.quorate.coordinator.monitor.MonitorRequests;
import io.quorate.coordinator.notify.ChannelType;
import io.quorate.coordinator.notify.WorkingHours;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks each item with the coordinator's own request rules (the same classes the API runs), so a bad
 * file is refused whole before anything is written. The coordinator checks again when apply writes.
 */
final class ItemChecks {
  private static final Set<String> CHANNEL_COMMON = Set.of("type", "name", "working_hours", "operator_alerts");
  private final Map<String, ChannelType> types;
  private final List<String> knownRegions;

  /** @param knownRegions probe regions that have connected: what a monitor that leaves out regions gets */
  ItemChecks(Map<String, ChannelType> types, List<String> knownRegions) {
    this.types = types;
    this.knownRegions = List.copyOf(knownRegions);
  }

  /**
   * @return the file's fields in the form the coordinator stores and shows them (an email {@code to} as a
   *     list, working days in week order), so comparing with the API sees only real changes
   * @throws ValidationException naming the field
   */
  JsonObject checkChannel(FileItem item) {
    JsonObject body = item.body();
    ChannelType type = types.get(item.type());
    if (type == null) {
      throw new ValidationException("type", "must be one of " + String.join(", ", types.keySet()));
    }
    Set<String> allowed = new HashSet<>(CHANNEL_COMMON);
    allowed.addAll(type.fields());
    for (String field : body.fieldNames()) {
      if (!allowed.contains(field)) {
        throw new ValidationException(field, "is not a field of a " + type.name() + " channel");
      }
    }
    JsonObject settings = new JsonObject();
    type.fields().forEach(field -> settings.put(field, body.getValue(field)));
    JsonObject stored = type.validateNew(settings);
    JsonObject normalized = body.copy();
    body.fieldNames().stream().filter(stored::containsKey)
        .forEach(field -> normalized.put(field, stored.getValue(field)));
    if (body.getValue("working_hours") != null) {
      normalized.put("working_hours", WorkingHours.fromJson(body.getValue("working_hours"), "working_hours").toJson());
    }
    if (body.getValue("operator_alerts") != null && !(body.getValue("operator_alerts") instanceof Boolean)) {
      throw new ValidationException("operator_alerts", "must be true or false");
    }
    return normalized;
  }

  /**
   * @param resolved the monitor's body with channel names turned into ids
   * @return the monitor as the API would show it once written: every default filled in, durations in the
   *     API's form, secrets as {@code ****}; compared with what the API shows now, it says what a write changes
   */
  JsonObject checkMonitor(JsonObject resolved) {
    MonitorDraft draft = MonitorRequests.parse(resolved, Optional.empty(), knownRegions);
    Monitor monitor = new Monitor(new UUID(0, 0), draft.name(), draft.spec(), draft.alerting(), draft.listing(), 0,
        Instant.EPOCH, Instant.EPOCH);
    return MonitorJson.toJson(monitor, List.of(), Optional.empty(), Optional.empty(), "", Instant.EPOCH, Map.of());
  }
}
