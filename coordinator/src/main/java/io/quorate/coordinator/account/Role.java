package io.quorate.coordinator.account;

import java.util.Locale;
import java.util.Optional;

/** What a person (or key) may do: viewers read, editors also change monitors and incidents, admins also manage access. */
public enum Role {
  ADMIN, EDITOR, VIEWER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean canWrite() {
    return this != VIEWER;
  }

  public static Optional<Role> parse(String code) {
    for (Role role : values()) {
      if (role.code().equals(code)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
