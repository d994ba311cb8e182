package io.quorate.coordinator.probetoken;

import java.util.Optional;
import java.util.UUID;

/** A probe link that may not go on; the message is what the probe is told, and never holds the token. */
public final class LinkRefusedException extends RuntimeException {
  private final RefusalReason reason;
  private final Optional<UUID> tokenId;

  public LinkRefusedException(RefusalReason reason, String message, Optional<UUID> tokenId) {
    super(message, null, false, false);
    this.reason = reason;
    this.tokenId = tokenId;
  }

  public LinkRefusedException(RefusalReason reason, Optional<UUID> tokenId) {
    this(reason, reason.message(), tokenId);
  }

  public RefusalReason reason() {
    return reason;
  }

  public Optional<UUID> tokenId() {
    return tokenId;
  }
}
