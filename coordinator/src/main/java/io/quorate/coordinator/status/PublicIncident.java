package io.quorate.coordinator.status;

import io.quorate.coordinator.incident.PublicUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An incident of a public component as the public sees it: the component's public name, when it started
 * and ended, and the updates the team wrote for the public. Built without the incident's reason, regions
 * or notes, so they cannot leak by mistake.
 *
 * @param updates oldest first
 */
public record PublicIncident(UUID id, String component, Instant startedAt, Optional<Instant> resolvedAt,
    List<PublicUpdate> updates) {
  public PublicIncident {
    updates = List.copyOf(updates);
  }

  public boolean isActive() {
    return resolvedAt.isEmpty();
  }

  /** Newest first, as status pages list them. */
  public List<PublicUpdate> updatesNewestFirst() {
    List<PublicUpdate> newestFirst = new ArrayList<>(updates);
    Collections.reverse(newestFirst);
    return newestFirst;
  }
}
