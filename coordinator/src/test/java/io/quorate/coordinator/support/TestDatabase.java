package io.quorate.coordinator.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One real PostgreSQL server for the whole test run (embedded, started once), and a fresh database per
 * test class so classes never see each other's rows. Assertions read rows back with plain JDBC: tests
 * may block, event loops may not.
 */
public final class TestDatabase {
  private static EmbeddedPostgres server;
  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  public static synchronized TestDatabase create() {
    if (server == null) {
      try {
        // zonky's synchronous_commit=off is kept here for speed: no test crashes PostgreSQL itself. The
        // coordinator's own embedded PostgreSQL turns it on (EmbeddedDatabase, checked by FirstStartTest).
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }));
    }
    String name = "q_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new TestDatabase(name);
  }

  /** The URL coordinators are given with {@code --db-url}. */
  public String url() {
    return "postgresql://postgres:postgres@localhost:" + server.getPort() + "/" + name;
  }

  /** Rows of a query as column-name maps. */
  public List<Map<String, Object>> query(String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", name), "postgres", "");
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new java.util.LinkedHashMap<>();
          for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
            row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs a statement that returns no rows (INSERT, UPDATE), e.g. to set up rows the API cannot create. */
  public void execute(String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", name), "postgres", "");
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** A transaction kept open, holding what it locked, until closed (then rolled back). */
  public interface HeldLocks extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Runs {@code selectForUpdate} in a transaction that stays open, so the rows it locked stay locked: e.g. to
   * keep the coordinator's batch for a monitor waiting while the test watches what else goes on.
   */
  public HeldLocks holdLocks(String selectForUpdate, Object... args) {
    try {
      Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", name), "postgres", "");
      c.setAutoCommit(false);
      try (var statement = c.prepareStatement(selectForUpdate)) {
        for (int i = 0; i < args.length; i++) {
          statement.setObject(i + 1, args[i]);
        }
        statement.executeQuery().close();
      }
      return () -> {
        try (c) {
          c.rollback();
        } catch (SQLException e) {
          throw new IllegalStateException("releasing " + selectForUpdate, e);
        }
      };
    } catch (SQLException e) {
      throw new IllegalStateException(selectForUpdate, e);
    }
  }

  public long count(String sql, Object... args) {
    return ((Number) query(sql, args).get(0).values().iterator().next()).longValue();
  }
}
