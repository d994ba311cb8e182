package io.quorate.coordinator.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: a PostgreSQL server started from binaries shipped in a Maven artifact, with its
 * data kept under the data directory so monitors and incidents survive restarts. Runs before Vert.x
 * starts (it blocks while {@code initdb} and {@code pg_ctl} run).
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("pg").toAbsolutePath();
    String sharedBuffers = sharedBuffers();
    try {
      Files.createDirectories(pgData);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(dataDir.resolve("pg-binaries").toAbsolutePath().toFile())
          // zonky turns this off for test speed; here a commit must be on disk before a probe's events are
          // acknowledged (and dropped from its spool) or a ping is answered 200.
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("shared_buffers", sharedBuffers)
          .start();
      log.info("embedded postgresql started port={} data={} shared_buffers={}", postgres.getPort(), pgData,
          sharedBuffers);
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgData, e);
    }
  }

  /** {@link #sharedBuffersFor} this machine's (or container's) memory. */
  private static String sharedBuffers() {
    return sharedBuffersFor(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize());
  }

  /**
   * PostgreSQL's cache of table and index pages: an eighth of the memory, from PostgreSQL's default of 128 MB up to
   * 512 MB, leaving the rest to the coordinator and the system. With the default alone, 100,000 monitors' verdict,
   * rollup and index pages no longer fitted and ingest took 15,700-17,700 observations/s where 512 MB gave 19,800
   * (bench/README, 2026-12-05).
   */
  static String sharedBuffersFor(long memoryBytes) {
    long megabytes = memoryBytes / 8 / (1024 * 1024);
    return Math.max(128, Math.min(512, megabytes)) + "MB";
  }

  public DatabaseUrl url() {
    return new DatabaseUrl("postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("embedded postgresql did not stop cleanly: {}", e.toString());
    }
  }
}
