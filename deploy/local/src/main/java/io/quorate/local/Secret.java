package io.quorate.local;

import java.util.Objects;

/** A token that must not reach a log by accident: {@code toString()} is {@code ****}. */
record Secret(String value) {
  Secret {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret must not be blank");
    }
  }

  /** The value, for the places that must show or send it (the banner, an Authorization header). */
  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }
}
