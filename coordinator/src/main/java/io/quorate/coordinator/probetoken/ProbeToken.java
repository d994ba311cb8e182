package io.quorate.coordinator.probetoken;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An enrollment token as it is listed: everything but the secret, which is never kept. */
public record ProbeToken(UUID id, String region, String name, Instant createdAt, Optional<String> createdBy,
    Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {
  public boolean revoked() {
    return revokedAt.isPresent();
  }
}
