package io.quorate.coordinator.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An outage of one monitor that a quorum agreed on, open until it resolves. */
public record Incident(
    UUID id,
    UUID monitorId,
    String monitorName,
    Instant openedAt,
    Optional<Instant> resolvedAt,
    String reason,
    List<String> regionsDown) {

  public Incident {
    regionsDown = List.copyOf(regionsDown);
  }

  public boolean isOpen() {
    return resolvedAt.isEmpty();
  }
}
