package io.quorate.coordinator.db;

import io.vertx.pgclient.PgConnectOptions;

/**
 * A PostgreSQL location given as {@code postgresql://user:password@host:port/database}. The reactive
 * client reads it directly; Flyway needs the JDBC form, derived here so operators give one URL only.
 */
public record DatabaseUrl(String url) {

  public PgConnectOptions connectOptions() {
    return PgConnectOptions.fromUri(url.replaceFirst("^postgres://", "postgresql://"));
  }

  public String jdbcUrl() {
    PgConnectOptions o = connectOptions();
    return "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
  }

  public String user() {
    return connectOptions().getUser();
  }

  public String password() {
    String password = connectOptions().getPassword();
    return password == null ? "" : password;
  }

  /** The URL with the password masked, for logs. */
  @Override
  public String toString() {
    PgConnectOptions o = connectOptions();
    return "postgresql://" + o.getUser() + "@" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
  }
}
