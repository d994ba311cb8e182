package io.quorate.coordinator.account;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person who signs in. The password hash never leaves the store's callers; {@link #json()} leaves it out. */
public record User(UUID id, String username, String passwordHash, Role role, Instant createdAt,
    Optional<String> createdBy, Optional<Instant> disabledAt) {

  public boolean active() {
    return disabledAt.isEmpty();
  }

  public JsonObject json() {
    return new JsonObject().put("id", id.toString()).put("username", username).put("role", role.code())
        .put("state", active() ? "active" : "disabled")
        .put("created_at", createdAt.toString())
        .put("created_by", createdBy.orElse(null))
        .put("disabled_at", disabledAt.map(Instant::toString).orElse(null));
  }
}
