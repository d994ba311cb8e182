package io.quorate.coordinator.project;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Projects in PostgreSQL. Until accounts and teams exist there is one, created by the migration with a
 * random ping key, and every monitor belongs to it.
 */
public final class ProjectStore {
  public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

  private ProjectStore() {}

  public static Future<Project> findDefault(SqlClient client) {
    return client.preparedQuery("SELECT id, name, ping_key FROM projects WHERE id = $1").execute(Tuple.of(DEFAULT_ID))
        .map(rows -> toProject(rows.iterator().next()));
  }

  public static Future<List<Project>> list(SqlClient client) {
    return client.query("SELECT id, name, ping_key FROM projects ORDER BY name, id").execute().map(rows -> {
      List<Project> projects = new ArrayList<>();
      rows.forEach(row -> projects.add(toProject(row)));
      return projects;
    });
  }

  private static Project toProject(Row row) {
    return new Project(row.getUUID("id"), row.getString("name"), row.getString("ping_key"));
  }
}
