package io.quorate.coordinator.maintenance;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Why a monitor's alerts are held right now, and until when.
 *
 * @param name the window's name, or for a silence who created it
 * @param zone the zone its end is shown in: the window's, UTC for silences
 */
public record Hold(Kind kind, UUID id, String name, Instant until, ZoneId zone) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public enum Kind { MAINTENANCE, SILENCE }

  /** "maintenance 'DB upgrade' until 04:00 Europe/Berlin", "silenced by alice until 2026-12-07 09:00 UTC". */
  public String text(Instant now) {
    String who = kind == Kind.MAINTENANCE ? "maintenance '" + name + "'" : "silenced by " + name;
    return who + " until " + end(now);
  }

  /** The end in the hold's zone; with its date when that is not today there. */
  private String end(Instant now) {
    ZonedDateTime end = until.atZone(zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    String shown = end.toLocalDate().equals(today) ? TIME.format(end) : DAY_AND_TIME.format(end);
    return shown + " " + (zone.getId().equals("Z") ? "UTC" : zone.getId());
  }

  public JsonObject toJson(Instant now) {
    return new JsonObject()
        .put("kind", kind == Kind.MAINTENANCE ? "maintenance" : "silence")
        .put("id", id.toString())
        .put(kind == Kind.MAINTENANCE ? "name" : "created_by", name)
        .put("until", until.toString())
        .put("text", text(now));
  }
}
