package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.RawProbeLink;
import io.quorate.coordinator.support.TestClock;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The team view's API on one real coordinator and real PostgreSQL: the monitor list filtered, counted and
 * paged worst first, with what the team needs per monitor; and a monitor's series cut into buckets. States,
 * verdicts and history are written as rows (as ingest would have written them) at times set by a TestClock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamViewApiTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final TestClock clock = new TestClock(NOW);
  private long seq;
  private TestDatabase db;
  private TestCluster cluster;
  private Api api;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(1, db, Duration.ofMillis(200), clock);
    api = cluster.api(0);
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @Test
  void filtersByOwnerLabelStateAndNameAndCountsEachState() {
    String down = monitor("Billing receipts", "billing", "squad", "1");
    String up = monitor("Billing invoices", "billing", "squad", "2");
    monitor("Search indexer", "search", "squad", "1");
    openIncident(down);
    verdict(up, "eu-west", "up", new JsonObject().put("depth", 3));

    JsonObject billing = list("owner=billing");
    assertEquals(List.of("Billing receipts", "Billing invoices"), names(billing), "worst first");
    assertEquals(2, billing.getInteger("total"));
    assertEquals(1, billing.getJsonObject("counts").getInteger("down"));
    assertEquals(1, billing.getJsonObject("counts").getInteger("up"));
    assertEquals(0, billing.getJsonObject("counts").getInteger("late"));

    JsonObject billingDown = list("owner=billing&state=down");
    assertEquals(List.of("Billing receipts"), names(billingDown));
    assertEquals(1, billingDown.getInteger("total"));
    assertEquals(1, billingDown.getJsonObject("counts").getInteger("up"), "counts ignore the state filter: tabs");

    assertEquals(List.of("Billing receipts", "Search indexer"), names(list("label=squad:1")));
    assertEquals(List.of("Search indexer"), names(list("label=squad:1&state=pending")));
    assertEquals(List.of("Search indexer"), names(list("q=" + encode("INDEX"))), "the name contains it, any case");
    assertEquals(List.of(), names(list("q=" + encode("%"))), "% is a character, not a wildcard");
    assertEquals(List.of("Billing receipts", "Billing invoices"), names(list("owner=billing&state=down,up")));
  }

  @Test
  void pagesWorstFirstWithACursorUntilNoneIsLeft() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = monitor("Paged " + i, "paging", "tier", "3");
      if (i == 3) {
        openIncident(id);
        expected.add(0, "Paged 3");
      } else {
        expected.add("Paged " + i);
      }
    }
    List<String> seen = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      JsonObject page = list("owner=paging&limit=2" + (next == null ? "" : "&cursor=" + next));
      assertEquals(5, page.getInteger("total"));
      seen.addAll(names(page));
      next = page.getString("next");
      pages++;
    } while (next != null);
    assertEquals(expected, seen);
    assertEquals(3, pages);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "limit=0 | limit", "limit=501 | limit", "limit=ten | limit", "state=broken | state", "state=down,,up | state",
      "cursor=not-a-cursor | cursor", "label=tier | label", "owner=a&owner=b | owner", "sort=name | sort"})
  void refusesABadParameterNamingIt(String query, String field) {
    Api.Response answer = api.get("/api/v1/monitors?" + query);
    assertEquals(400, answer.status(), answer.body());
    assertEquals(field, answer.json().getString("field"), answer.body());
  }

  @Test
  void withoutParametersTheListStillAnswersEveryMonitor() {
    String id = monitor("Unpaged", "nobody", "tier", "9");
    JsonObject all = api.get("/api/v1/monitors").json();
    assertTrue(all.getJsonArray("monitors").stream().anyMatch(m -> ((JsonObject) m).getString("id").equals(id)));
    assertEquals(all.getJsonArray("monitors").size(), all.getInteger("total"));
    assertNull(all.getString("next"));
  }

  @Test
  void eachRowSaysDepthOldestJobAgeAgainstItsSlaLastSuccessAndTopFailure() {
    String id = monitor("Facts queue", "facts", "tier", "1");
    verdict(id, "eu-west", "up", new JsonObject().put("depth", 120).put("oldest_job_age", 90));
    verdict(id, "us-east", "down", new JsonObject().put("depth", 5234).put("oldest_job_age", 400));
    observation(id, "us-east", NOW.minusSeconds(120), "down", "timeout", "no answer in 10s", new JsonObject());
    observation(id, "us-east", NOW.minusSeconds(60), "down", "condition_breached", "[BODY].enqueued (5234) < 1000",
        new JsonObject());
    observation(id, "eu-west", NOW.minusSeconds(30), "down", "condition_breached", "[BODY].enqueued (5301) < 1000",
        new JsonObject());
    observation(id, "eu-west", NOW.minus(Duration.ofHours(2)), "down", "timeout", "older than the window", new JsonObject());

    JsonObject row = list("owner=facts").getJsonArray("monitors").getJsonObject(0);
    JsonObject team = row.getJsonObject("team");
    assertEquals(5234.0, team.getDouble("depth"), "the worst region counts");
    assertEquals(400.0, team.getDouble("oldest_job_age"));
    assertEquals(300L, team.getLong("sla_seconds"));
    assertEquals(true, team.getBoolean("sla_breached"));
    assertEquals(NOW.minusSeconds(10).toString(), team.getString("last_success_at"), "eu-west's newest run passed");
    assertEquals(new JsonObject().put("kind", "condition_breached").put("count", 2)
        .put("example", "[BODY].enqueued (5301) < 1000").put("window", "1h"), team.getJsonObject("top_failure"));
    assertEquals("facts", row.getString("owner"));
    assertEquals(2, row.getJsonArray("region_verdicts").stream()
        .filter(v -> ((JsonObject) v).getString("last_observed_at") != null).count(), "each region's vote");
  }

  @Test
  void seriesAreTheLargestValuePerBucketWithUptimeAndTheIncidentsInTheRange() {
    String id = monitor("Charted queue", "charts", "tier", "1");
    Instant from = NOW.minus(Duration.ofHours(3));
    // Through the real link and ingest, which keeps the five-minute rollups the long ranges read.
    try (RawProbeLink euWest = link("eu-west"); RawProbeLink usEast = link("us-east")) {
      euWest.sendAndAwaitAck(List.of(run(id, from.minus(Duration.ofMinutes(1)), true, series(99999, 1)),
          run(id, from.plus(Duration.ofMinutes(10)), true, series(10, 5)),
          run(id, from.plus(Duration.ofMinutes(70)), false, new JsonObject()),
          run(id, from.plus(Duration.ofMinutes(130)), false, series(900, 600))), WAIT);
      usEast.sendAndAwaitAck(List.of(run(id, from.plus(Duration.ofMinutes(50)), true, series(40, 2))), WAIT);
    }
    UUID incident = UUID.randomUUID();
    db.execute("INSERT INTO incidents (id, monitor_id, monitor_name, opened_at, resolved_at, reason)"
        + " VALUES (?, ?::uuid, 'Charted queue', ?, ?, 'deep')", incident, id,
        Timestamp.from(from.plus(Duration.ofMinutes(65))), Timestamp.from(from.plus(Duration.ofMinutes(140))));

    JsonObject series = api.get("/api/v1/monitors/" + id + "/series?from=" + from + "&to=" + NOW + "&step=1h").json();
    assertEquals("1h", series.getString("step"));
    JsonArray points = series.getJsonArray("points");
    assertEquals(3, points.size(), points.encodePrettily());
    assertEquals(new JsonObject().put("at", from.toString()).put("up", 2).put("down", 0).put("depth", 40.0)
        .put("oldest_job_age", 5.0), points.getJsonObject(0));
    assertEquals(new JsonObject().put("at", from.plus(Duration.ofHours(1)).toString()).put("up", 0).put("down", 1)
        .putNull("depth").putNull("oldest_job_age"), points.getJsonObject(1));
    assertEquals(900.0, points.getJsonObject(2).getDouble("depth"));
    assertEquals(0.5, series.getDouble("uptime"));
    assertEquals(incident.toString(), series.getJsonArray("incidents").getJsonObject(0).getString("id"));

    JsonObject perMinute = api.get("/api/v1/monitors/" + id + "/series?from=" + from + "&to=" + NOW + "&step=1m").json();
    assertEquals(4, perMinute.getJsonArray("points").size(), "one-minute steps read the runs themselves");
    assertEquals(0.5, perMinute.getDouble("uptime"));
    assertEquals(40.0, perMinute.getJsonArray("points").getJsonObject(1).getDouble("depth"));

    JsonObject relative = api.get("/api/v1/monitors/" + id + "/series?from=7d").json();
    assertEquals(NOW.minus(Duration.ofDays(7)).toString(), relative.getString("from"));
    assertEquals("1h", relative.getString("step"), "7 days in about 240 round buckets");
    assertEquals(5, relative.getJsonArray("points").stream().mapToInt(p -> ((JsonObject) p).getInteger("up")
        + ((JsonObject) p).getInteger("down")).sum(), "every run of the week counted once, the one before 09:00 too");
  }

  @Test
  void aBucketKeepsTheLargestValueOfEachSeriesAcrossBatches() {
    String id = monitor("Bucket maxima", "charts", "tier", "2");
    Instant from = NOW.minus(Duration.ofHours(2));
    Instant bucket = from.plus(Duration.ofMinutes(20));
    try (RawProbeLink euWest = link("eu-west")) {
      // One batch each: later batches within what the node already stored skip the merge in PostgreSQL.
      euWest.sendAndAwaitAck(List.of(run(id, bucket.plusSeconds(10), true, series(50, 5))), WAIT);
      euWest.sendAndAwaitAck(List.of(run(id, bucket.plusSeconds(40), true, series(10, 1))), WAIT);
      euWest.sendAndAwaitAck(List.of(run(id, bucket.plusSeconds(70), true, series(30, 9))), WAIT);
      euWest.sendAndAwaitAck(List.of(run(id, bucket.plusSeconds(100), true, new JsonObject().put("depth", 70.0))), WAIT);
      euWest.sendAndAwaitAck(List.of(run(id, bucket.plusSeconds(130), false, new JsonObject())), WAIT);
    }

    JsonObject series = api.get("/api/v1/monitors/" + id + "/series?from=" + from + "&to=" + NOW + "&step=5m").json();
    assertEquals(new JsonArray().add(new JsonObject().put("at", bucket.toString()).put("up", 4).put("down", 1)
        .put("depth", 70.0).put("oldest_job_age", 9.0)), series.getJsonArray("points"));
  }

  @Test
  void seriesRefuseBadRangesAndUnknownMonitors() {
    String id = monitor("Series refusals", "charts", "tier", "1");
    assertEquals("step", api.get("/api/v1/monitors/" + id + "/series?from=30d&step=1s").json().getString("field"));
    assertEquals("from", api.get("/api/v1/monitors/" + id + "/series?from=yesterday").json().getString("field"));
    assertEquals("from", api.get("/api/v1/monitors/" + id + "/series?from=" + NOW.plusSeconds(60) + "&to=" + NOW)
        .json().getString("field"));
    assertEquals(404, api.get("/api/v1/monitors/" + UUID.randomUUID() + "/series").status());
  }

  private String monitor(String name, String owner, String labelKey, String labelValue) {
    return api.createMonitor(new JsonObject().put("name", name).put("type", "http")
        .put("url", "https://queues.example.com/" + UUID.randomUUID()).put("interval", "30s")
        .put("regions", new JsonArray().add("eu-west").add("us-east").add("ap-south"))
        .put("owner", owner).put("sla", "5m").put("labels", new JsonObject().put(labelKey, labelValue))).getString("id");
  }

  private RawProbeLink link(String region) {
    return RawProbeLink.connect(cluster.grpcAddresses().get(0), TestCluster.PROBE_TOKEN, region, region + "-probe-1");
  }

  /** A run observed at this time, with these series values. */
  private Event run(String monitorId, Instant at, boolean up, JsonObject values) {
    seq++;
    Observation.Builder observation = Observation.newBuilder().setMonitorId(monitorId)
        .setObservedAtMs(at.toEpochMilli()).setOutcome(up ? Outcome.OUTCOME_UP : Outcome.OUTCOME_DOWN)
        .setStatusCode(200).setLatencyMs(12).setReason(up ? "" : "[BODY].enqueued (5234) < 1000");
    values.forEach(e -> observation.putSeries(e.getKey(), ((Number) e.getValue()).doubleValue()));
    return Event.newBuilder().setSeq(seq).setEventId("test-" + UUID.randomUUID()).setObservation(observation).build();
  }

  private void openIncident(String monitorId) {
    db.execute("INSERT INTO incidents (id, monitor_id, monitor_name, opened_at, reason) VALUES (?, ?::uuid, 'x', ?, 'down')",
        UUID.randomUUID(), monitorId, Timestamp.from(NOW.minusSeconds(300)));
  }

  private void verdict(String monitorId, String region, String verdict, JsonObject series) {
    db.execute("INSERT INTO region_verdicts (monitor_id, region, verdict, last_outcome, streak, last_observed_at, reason,"
        + " last_run) VALUES (?::uuid, ?, ?, ?, 3, ?, '', ?::jsonb)", monitorId, region, verdict, verdict, Timestamp.from(
            NOW.minusSeconds(10)), new JsonObject().put("series", series).encode());
  }

  private void observation(String monitorId, String region, Instant at, String outcome, String kind, String reason,
      JsonObject series) {
    db.execute("INSERT INTO observations (event_id, monitor_id, region, probe_node, observed_at, received_at, outcome,"
        + " reason, latency_ms, failure_kind, series) VALUES (?, ?::uuid, ?, 'p', ?, ?, ?, ?, 10, ?, ?::jsonb)",
        UUID.randomUUID().toString(), monitorId, region, Timestamp.from(at), Timestamp.from(at), outcome, reason, kind,
        series.encode());
  }

  private static JsonObject series(double depth, double oldest) {
    return new JsonObject().put("depth", depth).put("oldest_job_age", oldest);
  }

  private JsonObject list(String query) {
    Api.Response answer = api.get("/api/v1/monitors?" + query);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  private static List<String> names(JsonObject page) {
    return page.getJsonArray("monitors").stream().map(m -> ((JsonObject) m).getString("name")).toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

}
