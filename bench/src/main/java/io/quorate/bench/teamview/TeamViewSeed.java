package io.quorate.bench.teamview;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A month of a 10,000-monitor installation, written straight into the coordinator's PostgreSQL: one HTTP monitor
 * and one heartbeat are created through the API (so their stored JSON is the coordinator's own), then copied in SQL
 * with 20 owners and 3 tiers; region verdicts with depth and oldest job age; 2% of the queues down in two regions
 * with an open incident and an hour of failed runs; two resolved incidents per queue over the month; and runs over
 * the month: every 30 s from 3 regions for a few "dense" queues, sparse for the rest. Then VACUUM ANALYZE, as
 * autovacuum would have done over a month.
 */
final class TeamViewSeed {
  static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  private final String jdbcUrl;
  private final String apiBase;
  private final String adminToken;

  TeamViewSeed(int pgPort, int httpPort, String adminToken) {
    this.jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
    this.apiBase = "http://127.0.0.1:" + httpPort;
    this.adminToken = adminToken;
  }

  /** @return the ids of the dense monitors, whose series the benchmark reads */
  List<String> seed(TeamViewOptions options) throws IOException, InterruptedException, SQLException {
    String http = create(new JsonObject().put("name", "template queue").put("type", "http")
        .put("url", "https://queues.example.com/stats").put("interval", "30s").put("timeout", "10s")
        .put("conditions", new JsonArray().add("[BODY].enqueued < 1000"))
        .put("series", new JsonObject().put("depth", "[BODY].enqueued").put("oldest_job_age", "[BODY].oldest_age_s"))
        .put("regions", new JsonArray(REGIONS)).put("owner", "team-00").put("impact", "customers wait for receipts")
        .put("sla", "5m").put("labels", new JsonObject().put("tier", "1")));
    // Daily jobs that succeeded within the last 12 h: none turns late during the run (an incident storm is another benchmark).
    String heartbeat = create(new JsonObject().put("name", "template job").put("type", "heartbeat").put("period", "1d")
        .put("grace", "1h").put("owner", "team-00"));
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = c.createStatement()) {
      step(s, "monitors", copies(http, "queue-", options.monitors(), "NULL", "NULL::bigint", "NULL::bigint")
          + "; " + copies(heartbeat, "job-", options.heartbeats(), "gen_random_uuid()", "m.period_ms", "m.grace_ms")
          + "; DELETE FROM monitors WHERE name LIKE 'template %'"
          + "; INSERT INTO heartbeat_state (monitor_id, last_success_at) SELECT id, now() - random() * interval '12 hours'"
          + " FROM monitors WHERE type = 'heartbeat' ON CONFLICT (monitor_id) DO UPDATE SET last_success_at = EXCLUDED.last_success_at");
      step(s, "region verdicts", VERDICTS);
      step(s, "incidents", INCIDENTS);
      step(s, "sparse runs", sparseRuns(options.sparseEveryMinutes()));
      step(s, "failing hour", FAILING_HOUR);
      List<String> dense = dense(s, options.dense());
      for (String id : dense) {
        step(s, "dense month of " + id, denseRuns(id));
      }
      step(s, "five-minute rollups (as ingest keeps them)", ROLLUPS);
      step(s, "vacuum analyze", "VACUUM ANALYZE");
      return dense;
    }
  }

  private static String copies(String templateId, String prefix, int count, String pingId, String period, String grace) {
    return "INSERT INTO monitors (id, name, type, spec, version, ping_id, period_ms, grace_ms, alerting, created_at,"
        + " updated_at) SELECT gen_random_uuid(), '" + prefix + "' || lpad(g::text, 5, '0'), m.type, m.spec, 1, " + pingId
        + ", " + period + ", " + grace + ", jsonb_set(jsonb_set(m.alerting, '{owner}', to_jsonb('team-' || lpad((g % 20)::text,"
        + " 2, '0'))), '{labels}', jsonb_build_object('tier', (g % 3)::text)), now() - interval '31 days',"
        + " now() - interval '31 days' FROM monitors m, generate_series(1, " + count + ") g WHERE m.id = '" + templateId + "'";
  }

  /** 2% of the queues (by a hash of their id) are down in eu-west and us-east. */
  private static final String DOWN = "abs(hashtext(m.id::text)) % 50 = 0";

  private static final String VERDICTS = "INSERT INTO region_verdicts (monitor_id, region, verdict, last_outcome, streak,"
      + " last_observed_at, reason, last_run) SELECT m.id, r.region, v.verdict, v.verdict, 12,"
      + " now() - random() * interval '30 s', CASE WHEN v.verdict = 'down' THEN '[BODY].enqueued (5234) < 1000' ELSE '' END,"
      + " jsonb_build_object('failure_kind', CASE WHEN v.verdict = 'down' THEN 'condition_breached' ELSE '' END,"
      + "   'status_code', 200, 'latency_ms', 40, 'conditions', '[]'::jsonb, 'series', jsonb_build_object("
      + "   'depth', CASE WHEN v.verdict = 'down' THEN 5234 ELSE (random() * 300)::int END,"
      + "   'oldest_job_age', CASE WHEN v.verdict = 'down' THEN 900 ELSE (random() * 120)::int END))"
      + " FROM monitors m CROSS JOIN unnest(ARRAY['eu-west', 'us-east', 'ap-south']) AS r(region),"
      + " LATERAL (SELECT CASE WHEN " + DOWN + " AND r.region <> 'ap-south' THEN 'down' ELSE 'up' END AS verdict) v"
      + " WHERE m.type = 'http'";

  private static final String INCIDENTS = "INSERT INTO incidents (id, monitor_id, monitor_name, opened_at, reason,"
      + " regions_down) SELECT gen_random_uuid(), m.id, m.name, now() - interval '20 min',"
      + " '[BODY].enqueued (5234) < 1000', '{eu-west,us-east}' FROM monitors m WHERE m.type = 'http' AND " + DOWN
      + "; INSERT INTO incidents (id, monitor_id, monitor_name, opened_at, resolved_at, reason, regions_down)"
      + " SELECT gen_random_uuid(), m.id, m.name, x.t, x.t + interval '25 min', 'timeout', '{eu-west,us-east}'"
      + " FROM monitors m, LATERAL (SELECT now() - k * interval '11 days' - random() * interval '5 days' AS t"
      + " FROM generate_series(1, 2) k) x WHERE m.type = 'http'";

  private static String sparseRuns(int everyMinutes) {
    int steps = 30 * 24 * 60 / everyMinutes;
    return "INSERT INTO observations (event_id, monitor_id, region, probe_node, observed_at, received_at, outcome,"
        + " reason, latency_ms, series, failure_kind) SELECT 'seed-' || m.n || '-' || s, m.id,"
        + " (ARRAY['eu-west', 'us-east', 'ap-south'])[1 + s % 3], 'seed', t.at, t.at, 'up', '', 40,"
        + " jsonb_build_object('depth', (s * 7 + m.n) % 500, 'oldest_job_age', (s * 13 + m.n) % 200), ''"
        + " FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM monitors WHERE type = 'http') m,"
        + " generate_series(0, " + (steps - 1) + ") s,"
        + " LATERAL (SELECT now() - interval '30 days' + s * interval '" + everyMinutes + " min'"
        + "   + (m.n % " + everyMinutes + ") * interval '1 min' AS at) t";
  }

  /** The down queues' last hour: a failed run every 30 s from each of the two failing regions. */
  private static final String FAILING_HOUR = "INSERT INTO observations (event_id, monitor_id, region, probe_node,"
      + " observed_at, received_at, outcome, reason, latency_ms, series, failure_kind)"
      + " SELECT 'fail-' || m.id || '-' || r.region || '-' || s, m.id, r.region, 'seed', now() - s * interval '30 s',"
      + " now() - s * interval '30 s', 'down', '[BODY].enqueued (5234) < 1000', 40,"
      + " jsonb_build_object('depth', 5234, 'oldest_job_age', 900), 'condition_breached'"
      + " FROM monitors m, unnest(ARRAY['eu-west', 'us-east']) AS r(region), generate_series(1, 120) s"
      + " WHERE m.type = 'http' AND " + DOWN;

  /** The same statement as migration V14's backfill: ingest would have written these rows run by run. */
  private static final String ROLLUPS = "WITH counts AS (SELECT monitor_id, to_timestamp(floor(extract(epoch FROM"
      + " observed_at) / 300) * 300) AS bucket_start, count(*) FILTER (WHERE outcome = 'up') AS up,"
      + " count(*) FILTER (WHERE outcome = 'down') AS down FROM observations GROUP BY 1, 2),"
      + " per_key AS (SELECT o.monitor_id, to_timestamp(floor(extract(epoch FROM o.observed_at) / 300) * 300) AS"
      + " bucket_start, e.key, max(e.value::float8) AS value FROM observations o, jsonb_each(o.series) e"
      + " WHERE jsonb_typeof(e.value) = 'number' GROUP BY 1, 2, 3),"
      + " series AS (SELECT monitor_id, bucket_start, jsonb_object_agg(key, value) AS series_max FROM per_key GROUP BY 1, 2)"
      + " INSERT INTO observation_rollups (monitor_id, bucket_start, up, down, series_max)"
      + " SELECT c.monitor_id, c.bucket_start, c.up, c.down, coalesce(s.series_max, '{}'::jsonb)"
      + " FROM counts c LEFT JOIN series s USING (monitor_id, bucket_start)";

  private static List<String> dense(Statement s, int count) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (var rows = s.executeQuery("SELECT id FROM monitors WHERE type = 'http' ORDER BY name LIMIT " + count)) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  /** A month of runs every 30 s from three regions, with a daily wave in depth and a failing hour a week. */
  private static String denseRuns(String id) {
    return "INSERT INTO observations (event_id, monitor_id, region, probe_node, observed_at, received_at, outcome,"
        + " reason, latency_ms, series, failure_kind) SELECT 'dense-" + id + "-' || r.region || '-' || s, '" + id + "', r.region,"
        + " 'seed', t.at, t.at, CASE WHEN t.failing THEN 'down' ELSE 'up' END, CASE WHEN t.failing THEN 'timeout'"
        + " ELSE '' END, 40, jsonb_build_object('depth', (200 + 150 * sin(s / 2880.0 * 2 * pi()))::int"
        + "   + CASE WHEN t.failing THEN 4000 ELSE 0 END, 'oldest_job_age', (s % 120) + CASE WHEN t.failing THEN 800 ELSE 0 END),"
        + " CASE WHEN t.failing THEN 'timeout' ELSE '' END"
        + " FROM generate_series(0, 86399) s, unnest(ARRAY['eu-west', 'us-east', 'ap-south']) AS r(region),"
        + " LATERAL (SELECT now() - interval '30 days' + s * interval '30 s' AS at, s % 20160 < 120 AS failing) t";
  }

  private static void step(Statement s, String what, String sql) throws SQLException {
    long start = System.nanoTime();
    for (String statement : sql.split("; ")) {
      s.execute(statement);
    }
    System.out.printf("seed: %s in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
  }

  private String create(JsonObject monitor) throws IOException, InterruptedException {
    HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(apiBase
            + "/api/v1/monitors")).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(monitor.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      throw new IllegalStateException("creating a template monitor answered " + answer.statusCode() + ": " + answer.body());
    }
    return new JsonObject(answer.body()).getString("id");
  }
}
