package io.quorate.coordinator.account;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A key for scripts; {@code prefix} (the first characters) lets people tell keys apart without the key. */
public record ApiKey(UUID id, String name, String prefix, Scope scope, Instant createdAt, String createdBy,
    Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

  /** What a key may do. A key never manages access (users, keys, probe tokens): that takes a person. */
  public enum Scope {
    READ("read", Role.VIEWER), READ_WRITE("read-write", Role.EDITOR);

    private final String code;
    private final Role role;

    Scope(String code, Role role) {
      this.code = code;
      this.role = role;
    }

    public String code() {
      return code;
    }

    public Role role() {
      return role;
    }

    public static Optional<Scope> parse(String code) {
      for (Scope scope : values()) {
        if (scope.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT))) {
          return Optional.of(scope);
        }
      }
      return Optional.empty();
    }
  }

  public boolean revoked() {
    return revokedAt.isPresent();
  }

  public JsonObject json() {
    return new JsonObject().put("id", id.toString()).put("name", name).put("prefix", prefix)
        .put("scope", scope.code()).put("state", revoked() ? "revoked" : "active")
        .put("created_at", createdAt.toString()).put("created_by", createdBy)
        .put("last_used_at", lastUsedAt.map(Instant::toString).orElse(null))
        .put("revoked_at", revokedAt.map(Instant::toString).orElse(null));
  }
}
