package io.quorate.coordinator.db;

import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;

/** Work that must happen only if a transaction's changes become visible: events, metrics. */
public final class AfterCommit {
  private AfterCommit() {
  }

  /**
   * Runs {@code action} once the transaction {@code tx} belongs to has committed; never when it rolls back.
   * Outside a transaction (a pool, a connection without one), at once.
   */
  public static void run(SqlClient tx, Runnable action) {
    Transaction transaction = tx instanceof SqlConnection connection ? connection.transaction() : null;
    if (transaction == null) {
      action.run();
      return;
    }
    transaction.completion().onSuccess(committed -> action.run());
  }
}
