package io.quorate.coordinator.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmbeddedDatabaseSizingTest {
  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void sharedBuffersAreAnEighthOfTheMemoryBetween128And512Megabytes() {
    assertEquals("128MB", EmbeddedDatabase.sharedBuffersFor(512L * 1024 * 1024), "never below PostgreSQL's default");
    assertEquals("128MB", EmbeddedDatabase.sharedBuffersFor(GIB));
    assertEquals("256MB", EmbeddedDatabase.sharedBuffersFor(2 * GIB));
    assertEquals("512MB", EmbeddedDatabase.sharedBuffersFor(4 * GIB));
    assertEquals("512MB", EmbeddedDatabase.sharedBuffersFor(24 * GIB), "the rest is the coordinator's");
  }
}
