package io.quorate.coordinator.account;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.quorate.coordinator.api.ConflictException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of {@code users}. Changes that could leave nobody able to manage access (the first admin, removing
 * an admin) run under one advisory lock, so two of them racing on different nodes cannot both pass the check.
 */
public final class UserStore {
  private static final String COLUMNS = "id, username, password_hash, role, created_at, created_by, disabled_at";
  /** Any constant: it only has to differ from other advisory locks the coordinator takes. */
  private static final long ACCESS_LOCK = 0x51_75_6f_72_61_74_65_01L;
  private final Pool pool;

  public UserStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Boolean> anyExist() {
    return pool.query("SELECT EXISTS (SELECT 1 FROM users)").execute()
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  public Future<User> create(String username, String passwordHash, Role role, String createdBy, Instant now) {
    return pool.withConnection(conn -> insert(conn, username, passwordHash, role, createdBy, now));
  }

  /** @return the admin, or empty when someone else finished the setup first */
  public Future<Optional<User>> createFirstAdmin(String username, String passwordHash, Instant now) {
    return pool.withTransaction(conn -> lock(conn)
        .compose(locked -> conn.query("SELECT EXISTS (SELECT 1 FROM users)").execute())
        .compose(rows -> rows.iterator().next().getBoolean(0)
            ? Future.succeededFuture(Optional.<User>empty())
            : insert(conn, username, passwordHash, Role.ADMIN, "setup", now).map(Optional::of)));
  }

  public Future<Optional<User>> findByUsername(String username) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE username = $1").execute(Tuple.of(username))
        .map(UserStore::first);
  }

  public Future<Optional<User>> find(UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE id = $1").execute(Tuple.of(id))
        .map(UserStore::first);
  }

  public Future<List<User>> list() {
    return pool.query("SELECT " + COLUMNS + " FROM users ORDER BY username").execute().map(UserStore::all);
  }

  /** A change to a user; empty fields stay as they are. */
  public record Change(Optional<Role> role, Optional<String> passwordHash, Optional<Boolean> disabled) {}

  /**
   * Applies {@code change}, refusing (409) one that would leave no active admin.
   * @return the user after the change, or empty when there is no such user
   */
  public Future<Optional<User>> update(UUID id, Change change, Instant now) {
    return pool.withTransaction(conn -> lock(conn)
        .compose(locked -> selectForUpdate(conn, id))
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.succeededFuture(Optional.<User>empty());
          }
          User user = found.get();
          boolean staysAdmin = change.role().orElse(user.role()) == Role.ADMIN
              && !change.disabled().orElse(!user.active());
          return guardLastAdmin(conn, user, staysAdmin)
              .compose(ok -> conn.preparedQuery("UPDATE users SET role = $2, password_hash = $3, disabled_at = $4"
                      + " WHERE id = $1 RETURNING " + COLUMNS)
                  .execute(Tuple.of(id, change.role().orElse(user.role()).code(),
                      change.passwordHash().orElse(user.passwordHash()), disabledAt(user, change, now))))
              .map(UserStore::first);
        }));
  }

  /** @return whether a user was deleted; refuses (409) deleting the last active admin */
  public Future<Boolean> delete(UUID id) {
    return pool.withTransaction(conn -> lock(conn)
        .compose(locked -> selectForUpdate(conn, id))
        .compose(found -> found.isEmpty() ? Future.succeededFuture(false)
            : guardLastAdmin(conn, found.get(), false)
                .compose(ok -> conn.preparedQuery("DELETE FROM users WHERE id = $1").execute(Tuple.of(id)))
                .map(rows -> rows.rowCount() == 1)));
  }

  private static Future<User> insert(SqlConnection conn, String username, String passwordHash, Role role,
      String createdBy, Instant now) {
    return conn.preparedQuery("INSERT INTO users (id, username, password_hash, role, created_at, created_by)"
            + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), username, passwordHash, role.code(), utc(now), createdBy))
        .map(rows -> toUser(rows.iterator().next()))
        .recover(error -> Future.failedFuture(isUniqueViolation(error)
            ? new ConflictException("username " + username + " is taken") : error));
  }

  private static Future<Void> guardLastAdmin(SqlConnection conn, User user, boolean staysAdmin) {
    if (staysAdmin || user.role() != Role.ADMIN || !user.active()) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1")
        .execute(Tuple.of(user.id()))
        .compose(rows -> rows.iterator().next().getLong(0) > 0 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new ConflictException(user.username()
                + " is the last active admin: make another user admin first")));
  }

  private static Future<Void> lock(SqlConnection conn) {
    return conn.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(ACCESS_LOCK)).mapEmpty();
  }

  private static Future<Optional<User>> selectForUpdate(SqlConnection conn, UUID id) {
    return conn.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .map(UserStore::first);
  }

  private static OffsetDateTime disabledAt(User user, Change change, Instant now) {
    boolean disabled = change.disabled().orElse(!user.active());
    if (!disabled) {
      return null;
    }
    return utc(user.disabledAt().orElse(now));
  }

  private static boolean isUniqueViolation(Throwable error) {
    return error instanceof PgException pg && "23505".equals(pg.getSqlState());
  }

  private static Optional<User> first(RowSet<Row> rows) {
    return rows.iterator().hasNext() ? Optional.of(toUser(rows.iterator().next())) : Optional.empty();
  }

  private static List<User> all(RowSet<Row> rows) {
    List<User> users = new ArrayList<>();
    rows.forEach(row -> users.add(toUser(row)));
    return users;
  }

  /** A row with the {@code users} columns (also read joined with a session). */
  static User toUser(Row row) {
    return new User(row.getUUID("id"), row.getString("username"), row.getString("password_hash"),
        Role.parse(row.getString("role")).orElseThrow(), row.getOffsetDateTime("created_at").toInstant(),
        Optional.ofNullable(row.getString("created_by")),
        Optional.ofNullable(row.getOffsetDateTime("disabled_at")).map(OffsetDateTime::toInstant));
  }
}
