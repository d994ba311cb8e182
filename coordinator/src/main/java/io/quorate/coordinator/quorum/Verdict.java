package io.quorate.coordinator.quorum;

import java.util.Locale;

/** A region's opinion of a monitor. */
public enum Verdict {
  PENDING, UP, DOWN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Verdict fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
