package io.quorate.coordinator.status;

import java.time.Instant;
import java.util.Objects;

/** A stretch of time a component was down: one incident, from its opening to its end (or now, while open). */
public record Downtime(Instant from, Instant to) {
  public Downtime {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("downtime ends before it starts: " + from + " .. " + to);
    }
  }
}
