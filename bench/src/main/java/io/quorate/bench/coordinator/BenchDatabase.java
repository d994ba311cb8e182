package io.quorate.bench.coordinator;

import io.quorate.bench.support.Result;
import io.quorate.coordinator.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocking JDBC access to the coordinator's database for what is not measured: emptying it before a step,
 * copying fixtures in bulk, and reading its size. Used from main threads only. The URL comes from the
 * environment ({@link #ENV}), never from the command line, which the logs print.
 */
final class BenchDatabase {
  static final String ENV = "QUORATE_BENCH_DB_URL";
  private final DatabaseUrl url;

  private BenchDatabase(DatabaseUrl url) {
    this.url = url;
  }

  /** PostgreSQL's SQLSTATE for "deadlock detected". */
  private static final String DEADLOCK = "40P01";

  static BenchDatabase fromEnvironment() {
    String value = System.getenv(ENV);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(ENV + " is not set");
    }
    return new BenchDatabase(new DatabaseUrl(value));
  }

  DatabaseUrl url() {
    return url;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
  }

  /**
   * Removes every monitor, channel, incident and observation an earlier step left (a --db-url database). The
   * coordinator is running meanwhile: TRUNCATE locks its tables one by one, so one of the coordinator's own
   * queries can deadlock with it; PostgreSQL then cancels one of the two, and this tries again.
   */
  void empty() throws SQLException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = connect(); Statement s = c.createStatement()) {
        s.execute("TRUNCATE monitors, channels, probe_regions, probe_watermarks CASCADE");
        return;
      } catch (SQLException e) {
        if (!DEADLOCK.equals(e.getSQLState()) || attempt == 5) {
          throw e;
        }
        Thread.sleep(200L * attempt);
      }
    }
  }

  /**
   * Copies the monitor {@code templateId} (created through the API) {@code copies} times with new ids and
   * numbered names, in one statement: the same spec JSON the API wrote, without 100,000 requests.
   */
  void copyMonitor(String templateId, int copies, int firstNumber) throws SQLException {
    try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(
        "INSERT INTO monitors (id, name, type, spec, version, created_at, updated_at)"
            + " SELECT gen_random_uuid(), 'bench-' || lpad(g::text, 6, '0'), m.type, m.spec, 1, now(), now()"
            + " FROM monitors m, generate_series(?, ?) g WHERE m.id = ?::uuid")) {
      insert.setInt(1, firstNumber);
      insert.setInt(2, firstNumber + copies - 1);
      insert.setString(3, templateId);
      int rows = insert.executeUpdate();
      if (rows != copies) {
        throw new IllegalStateException("copied " + rows + " monitors instead of " + copies);
      }
    }
  }

  /**
   * For each of these observations (each the one that completed a quorum), milliseconds from when the coordinator
   * read it off its stream ({@code received_at}) to the opening of its monitor's incident; observations without
   * an incident are left out.
   */
  List<Double> receiptToOpening(List<String> eventIds) throws SQLException {
    try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
        "SELECT extract(epoch FROM i.opened_at - o.received_at) * 1000 FROM observations o"
            + " JOIN incidents i ON i.monitor_id = o.monitor_id WHERE o.event_id = ANY(?)")) {
      select.setArray(1, c.createArrayOf("text", eventIds.toArray()));
      List<Double> ms = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ms.add(rows.getDouble(1));
        }
      }
      return ms;
    }
  }

  /** Sizes after a step: the whole database, the observations table with its indexes, row counts. */
  Result sizes() throws SQLException {
    Result result = new Result();
    try (Connection c = connect(); Statement s = c.createStatement();
         ResultSet rows = s.executeQuery("SELECT pg_database_size(current_database()),"
             + " pg_total_relation_size('observations'), (SELECT count(*) FROM observations),"
             + " (SELECT count(*) FROM monitors), (SELECT count(*) FROM incidents WHERE resolved_at IS NULL),"
             + " (SELECT count(*) FROM deliveries WHERE state = 'delivered'), pg_total_relation_size('region_verdicts'),"
             + " current_setting('synchronous_commit'), current_setting('server_version')")) {
      rows.next();
      result.put("db_bytes", rows.getLong(1)).put("observations_bytes", rows.getLong(2))
          .put("observations_rows", rows.getLong(3)).put("monitors", rows.getLong(4))
          .put("open_incidents", rows.getLong(5)).put("delivered", rows.getLong(6))
          .put("region_verdicts_bytes", rows.getLong(7)).put("synchronous_commit", rows.getString(8))
          .put("server_version", rows.getString(9).split(" ")[0]);
    }
    return result;
  }
}
