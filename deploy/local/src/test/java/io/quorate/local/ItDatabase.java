package io.quorate.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads what the coordinators wrote to the shared PostgreSQL, over JDBC, from the test thread. */
final class ItDatabase {
  private final String jdbcUrl;

  ItDatabase(int port) {
    this.jdbcUrl = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&password=postgres";
  }

  long count(String sql, Object... args) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
