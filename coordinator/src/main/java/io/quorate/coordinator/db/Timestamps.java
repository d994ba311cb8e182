package io.quorate.coordinator.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as {@code timestamptz} parameters. Every time written comes from the injected clock, never {@code now()}. */
public final class Timestamps {
  private Timestamps() {}

  public static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
