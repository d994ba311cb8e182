package io.quorate.coordinator.probetoken;

import java.util.Optional;
import java.util.UUID;

/** Whom a probe link speaks for once its token is checked: any region (the shared token) or one region. */
public sealed interface ProbeCredential {
  /** Whether a probe holding this credential may report as {@code region}. */
  boolean allows(String region);

  /** The enrollment token's id; empty for the shared token. */
  Optional<UUID> tokenId();

  /** For log lines: which credential, never the token. */
  String describe();

  /** The coordinators' shared {@code --probe-token}: speaks for every region (local installs, tests). */
  record SharedToken() implements ProbeCredential {
    @Override
    public boolean allows(String region) {
      return true;
    }

    @Override
    public Optional<UUID> tokenId() {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "shared";
    }
  }

  /** A per-region enrollment token created through the API. */
  record RegionToken(UUID id, String region) implements ProbeCredential {
    @Override
    public boolean allows(String claimed) {
      return region.equals(claimed);
    }

    @Override
    public Optional<UUID> tokenId() {
      return Optional.of(id);
    }

    @Override
    public String describe() {
      return id.toString();
    }
  }
}
