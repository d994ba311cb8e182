package io.quorate.coordinator.maintenance;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A stored maintenance window: while it is on, the monitors it matches keep running but their alerts wait. */
public record MaintenanceWindow(UUID id, Draft draft, Instant createdAt, Instant updatedAt) {
  /** What a person writes: the window without its id and times of record. */
  public record Draft(String name, Matchers matchers, WindowSchedule schedule, String comment) {
    public Draft {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(matchers, "matchers");
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(comment, "comment");
    }
  }

  public Hold holdUntil(Instant until) {
    return new Hold(Hold.Kind.MAINTENANCE, id, draft.name(), until, draft.schedule().zone());
  }
}
