package io.quorate.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * PostgreSQL for both coordinators, from binaries shipped in a Maven artifact. Its data stays in
 * {@code <data-dir>/pg} between runs; its server log goes to {@code <data-dir>/logs/postgres.log}.
 * Blocks while {@code initdb} and {@code pg_ctl} run: call it from the launcher's main thread only.
 */
final class LocalDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private LocalDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static LocalDatabase start(Path dataDir, Path logFile) throws LaunchException {
    Path pgData = dataDir.resolve("pg").toAbsolutePath();
    try {
      Files.createDirectories(pgData);
      ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(dataDir.resolve("pg-binaries").toAbsolutePath().toFile())
          // zonky turns this off for test speed; a commit must be on disk before events are acknowledged.
          .setServerConfig("synchronous_commit", "on")
          // The launcher stops PostgreSQL itself, after the coordinators: no hook of its own.
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setOutputRedirector(log)
          .setErrorRedirector(log)
          .start();
      return new LocalDatabase(postgres);
    } catch (IOException | RuntimeException e) {
      throw new LaunchException("could not start the embedded PostgreSQL in " + pgData + ": " + e.getMessage()
          + ". See " + logFile + ". If another launcher is still running, stop it; to start from scratch, delete "
          + dataDir + ".", e);
    }
  }

  int port() {
    return postgres.getPort();
  }

  /** The {@code --db-url} given to the coordinators (the embedded server trusts local connections). */
  String url() {
    return "postgresql://postgres:postgres@localhost:" + port() + "/postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
