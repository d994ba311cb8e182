package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.monitor.Monitor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The maintenance windows and silences that are on at one instant, read once and matched against any number
 * of monitors. Windows are few and their recurrences are computed here, not in SQL, so every window is read.
 */
public final class Holds {
  private record Candidate(Matchers matchers, Hold hold) {}

  private final List<Candidate> active;

  private Holds(List<Candidate> active) {
    this.active = List.copyOf(active);
  }

  public static Future<Holds> load(SqlClient client, Instant now) {
    return Future.all(MaintenanceStore.all(client), SilenceStore.activeAt(client, now)).map(both -> {
      List<Candidate> active = new ArrayList<>();
      List<MaintenanceWindow> windows = both.resultAt(0);
      for (MaintenanceWindow window : windows) {
        window.draft().schedule().activeUntil(now)
            .ifPresent(until -> active.add(new Candidate(window.draft().matchers(), window.holdUntil(until))));
      }
      List<Silence> silences = both.resultAt(1);
      silences.forEach(silence -> active.add(new Candidate(silence.matchers(), silence.hold())));
      return new Holds(active);
    });
  }

  /** Everything holding this monitor's alerts, the longest-lasting first. */
  public List<Hold> of(Monitor monitor) {
    return active.stream().filter(c -> c.matchers().matches(monitor)).map(Candidate::hold)
        .sorted(Comparator.comparing(Hold::until).reversed()).toList();
  }

  /**
   * Adds to a monitor's JSON whether its alerts are held: {@code in_maintenance}, {@code silenced} and
   * {@code held_by}, each hold with its kind, name or creator, end and a sentence.
   */
  public JsonObject putOn(JsonObject monitorJson, Monitor monitor, Instant now) {
    List<Hold> holds = of(monitor);
    JsonArray heldBy = new JsonArray();
    holds.forEach(hold -> heldBy.add(hold.toJson(now)));
    return monitorJson
        .put("in_maintenance", holds.stream().anyMatch(h -> h.kind() == Hold.Kind.MAINTENANCE))
        .put("silenced", holds.stream().anyMatch(h -> h.kind() == Hold.Kind.SILENCE))
        .put("held_by", heldBy);
  }

  /** The longest-lasting hold on this monitor, the one its timeline names. */
  public Optional<Hold> first(Monitor monitor) {
    return of(monitor).stream().findFirst();
  }
}
