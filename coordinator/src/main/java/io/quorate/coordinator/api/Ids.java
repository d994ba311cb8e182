package io.quorate.coordinator.api;

import java.util.UUID;

/** Path ids: a malformed id names nothing, so it answers 404 like an unknown one. */
public final class Ids {
  private Ids() {}

  public static UUID parse(String text, String what) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotFoundException(what + " " + text);
    }
  }
}
