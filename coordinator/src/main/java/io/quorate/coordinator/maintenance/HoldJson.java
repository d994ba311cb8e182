package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.monitor.Durations;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Maintenance windows and silences as the API shows them. */
final class HoldJson {
  private static final int UPCOMING = 3;

  private HoldJson() {}

  static JsonObject window(MaintenanceWindow window, Instant now) {
    MaintenanceWindow.Draft draft = window.draft();
    WindowSchedule schedule = draft.schedule();
    JsonObject json = new JsonObject()
        .put("id", window.id().toString())
        .put("name", draft.name())
        .put("matchers", draft.matchers().toJson())
        .put("time_zone", schedule.zone().getId());
    if (schedule instanceof WindowSchedule.Recurring recurring) {
      json.put("kind", "recurring").put("cron", recurring.cron().expression())
          .put("duration", Durations.format(recurring.duration()));
    } else {
      WindowSchedule.OneOff once = (WindowSchedule.OneOff) schedule;
      json.put("kind", "one_off").put("starts_at", once.start().toString()).put("ends_at", once.end().toString());
    }
    JsonArray upcoming = new JsonArray();
    schedule.upcoming(now, UPCOMING).forEach(o -> upcoming.add(new JsonObject()
        .put("starts_at", o.start().toString()).put("ends_at", o.end().toString())));
    var until = schedule.activeUntil(now);
    return json
        .put("comment", draft.comment())
        .put("active_now", until.isPresent())
        .put("active_until", until.map(Instant::toString).orElse(null))
        .put("held_text", until.map(end -> window.holdUntil(end).text(now)).orElse(null))
        .put("next_occurrences", upcoming)
        .put("created_at", window.createdAt().toString())
        .put("updated_at", window.updatedAt().toString());
  }

  static JsonObject silence(Silence silence, Instant now) {
    return new JsonObject()
        .put("id", silence.id().toString())
        .put("matchers", silence.matchers().toJson())
        .put("state", silence.state(now))
        .put("starts_at", silence.startsAt().toString())
        .put("ends_at", silence.endsAt().toString())
        .put("created_by", silence.createdBy())
        .put("comment", silence.comment())
        .put("created_at", silence.createdAt().toString())
        .put("expired_at", silence.expiredAt().map(Instant::toString).orElse(null))
        .put("expired_by", silence.expiredBy().isEmpty() ? null : silence.expiredBy());
  }
}
