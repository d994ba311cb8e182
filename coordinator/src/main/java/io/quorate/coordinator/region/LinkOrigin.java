package io.quorate.coordinator.region;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a probe node's link comes from: the remote address its coordinator saw, and the enrollment token it
 * presented (empty for the shared {@code --probe-token}). Lets an operator tell which machine and which token
 * a node is before revoking one.
 *
 * @param tokenName the token's name, when it is an enrollment token that still exists
 */
public record LinkOrigin(String address, Optional<UUID> tokenId, Optional<String> tokenName) {
  public static final LinkOrigin UNKNOWN = new LinkOrigin("", Optional.empty(), Optional.empty());

  JsonObject toJson() {
    return new JsonObject().put("address", address)
        .put("token_id", tokenId.map(UUID::toString).orElse(null))
        .put("token_name", tokenId.isEmpty() ? "shared probe token" : tokenName.orElse(null));
  }
}
