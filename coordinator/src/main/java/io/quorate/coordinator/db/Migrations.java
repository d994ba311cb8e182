package io.quorate.coordinator.db;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema in {@code db/migration} with Flyway. Flyway takes a PostgreSQL advisory
 * lock, so coordinator nodes starting together migrate once. Blocking: runs at start, before Vert.x.
 */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  public static void apply(DatabaseUrl url) {
    var result = Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    log.info("database schema ready version={} applied={}", result.targetSchemaVersion, result.migrationsExecuted);
  }
}
