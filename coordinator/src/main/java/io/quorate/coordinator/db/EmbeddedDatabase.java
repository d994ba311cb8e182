package io.quorate.coordinator.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    try {
      Files.createDirectories(pgData);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(dataDir.resolve("pg-binaries").toAbsolutePath().toFile())
          // zonky turns this off for test speed; here a commit must be on disk before a probe's events are
          // acknowledged (and dropped from its spool) or a ping is answered 200.
          .setServerConfig("synchronous_commit", "on")
          .start();
      log.info("embedded postgresql started port={} data={}", postgres.getPort(), pgData);
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgData, e);
    }
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
