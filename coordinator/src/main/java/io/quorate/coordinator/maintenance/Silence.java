package io.quorate.coordinator.maintenance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A silence: from {@code startsAt} to {@code endsAt}, or until someone expires it early, the monitors it
 * matches alert nobody. Expired silences are kept, with who expired them, as the record of who muted what.
 */
public record Silence(UUID id, Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
    Instant createdAt, Optional<Instant> expiredAt, String expiredBy) {
  public Silence {
    Objects.requireNonNull(matchers, "matchers");
    Objects.requireNonNull(expiredAt, "expiredAt");
  }

  public boolean activeAt(Instant now) {
    return expiredAt.isEmpty() && !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  /** {@code pending} (starts later), {@code active}, or {@code expired} (ran out or expired early). */
  public String state(Instant now) {
    if (expiredAt.isPresent() || !now.isBefore(endsAt)) {
      return "expired";
    }
    return now.isBefore(startsAt) ? "pending" : "active";
  }

  public Hold hold() {
    return new Hold(Hold.Kind.SILENCE, id, createdBy, endsAt, ZoneOffset.UTC);
  }
}
