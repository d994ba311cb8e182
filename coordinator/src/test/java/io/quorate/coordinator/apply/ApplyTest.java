package io.quorate.coordinator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code coordinator.jar apply -f monitors.yaml} against a real coordinator on loopback and real PostgreSQL:
 * what the user reads in the plan, and what the API shows afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplyTest {
  static final String SLACK_WEBHOOK = "https://hooks.slack.com/services/T000/B000/slack-s3cret-one";
  static final String QUEUE_KEY = "queue-key-s3cret";
  static final String HOOK_SECRET = "hook-signing-s3cret-0123456789";
  static final String FILE = """
      channels:
        - name: ops-slack
          type: slack
          webhook_url: ${SLACK_WEBHOOK}
        - name: billing-hook
          type: webhook
          url: https://hooks.example/quorate
          secret: ${HOOK_SECRET}
      monitors:
        - name: Receipt emails
          type: http
          url: https://billing.example/queues/receipts
          headers:
            X-Api-Key: ${QUEUE_API_KEY}
            Accept: application/json
          interval: 30s
          timeout: 5s
          conditions:
            - "[STATUS] == 200"
            - "[BODY].enqueued < 1000"
          regions: [eu-west, us-east, ap-south]
          quorum: 2
          channels: [ops-slack]
          labels: {team: billing}
        - name: Nightly invoices
          type: heartbeat
          cron: "0 2 * * *"
          timezone: Europe/Berlin
          grace: 30m
          channels: [ops-slack, billing-hook]
      """;
  private TestDatabase db;
  private TestCluster cluster;
  private Api api;
  private Map<String, String> env;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(1, db, Duration.ofMillis(200));
    api = cluster.api(0);
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @BeforeEach
  void emptyCoordinatorAndEnvironment() {
    list("monitors").forEach(m -> api.delete("/api/v1/monitors/" + m.getString("id")));
    list("channels").forEach(c -> api.delete("/api/v1/channels/" + c.getString("id")));
    env = new HashMap<>(Map.of("QUORATE_URL", "http://127.0.0.1:" + cluster.node(0).httpPort(),
        "QUORATE_ADMIN_TOKEN", TestCluster.ADMIN_TOKEN, "SLACK_WEBHOOK", SLACK_WEBHOOK,
        "QUEUE_API_KEY", QUEUE_KEY, "HOOK_SECRET", HOOK_SECRET));
  }

  @Test
  void createsChannelsAndMonitorsWithChannelsReferredToByName() {
    ApplyRun run = ApplyRun.of(FILE, env);

    assertEquals(0, run.exit(), run.all());
    assertTrue(run.out().contains("""
        + create channel "ops-slack"
        + create channel "billing-hook"
        + create monitor "Receipt emails"
        + create monitor "Nightly invoices"
        = 0 unchanged
        """), run.all());
    assertTrue(run.out().contains("created monitor \"Nightly invoices\""), run.all());
    String slack = byName("channels", "ops-slack").orElseThrow().getString("id");
    String hook = byName("channels", "billing-hook").orElseThrow().getString("id");
    JsonObject receipts = byName("monitors", "Receipt emails").orElseThrow();
    assertEquals(new JsonArray().add(slack), receipts.getJsonArray("channels"));
    assertEquals(3, receipts.getJsonArray("regions").size());
    assertEquals(new JsonArray().add(slack).add(hook),
        byName("monitors", "Nightly invoices").orElseThrow().getJsonArray("channels"));
    assertEquals(SLACK_WEBHOOK, db.query("SELECT config->>'webhook_url' AS v FROM channels WHERE name = 'ops-slack'")
        .get(0).get("v"), "the ${SLACK_WEBHOOK} of the file is the environment's value");
    assertEquals(QUEUE_KEY, db.query("SELECT spec->'headers'->'X-Api-Key'->>'value' AS v FROM monitors"
        + " WHERE name = 'Receipt emails'").get(0).get("v"));
    assertNoSecretIn(run);
  }

  @Test
  void theDocumentedExampleFileAppliesAndThenHasNothingToDo() throws Exception {
    String example = Files.readString(Path.of("..", "deploy", "examples", "monitors.yaml"));
    env.put("PAGERDUTY_KEY", "0123456789abcdef0123456789abcdef");
    env.put("BILLING_API_KEY", QUEUE_KEY);

    ApplyRun first = ApplyRun.of(example, env);
    assertEquals(0, first.exit(), first.all());
    assertTrue(first.out().contains("Applied 4 change(s)."), first.all());
    JsonObject export = byName("monitors", "Nightly invoice export").orElseThrow();
    assertEquals("working_hours", export.getString("urgency"));

    ApplyRun second = ApplyRun.of(example, env);
    assertEquals(0, second.exit(), second.all());
    assertTrue(second.out().contains("= 4 unchanged\nNothing to do."), second.all());
    assertNoSecretIn(first);
  }

  @Test
  void aSecondApplyOfTheSameFileChangesNothingAndWritesNothing() {
    assertEquals(0, ApplyRun.of(FILE, env).exit());
    List<Map<String, Object>> before = db.query("SELECT id, version, updated_at FROM monitors ORDER BY id");
    List<Map<String, Object>> channelsBefore = db.query("SELECT * FROM channels ORDER BY id");

    ApplyRun again = ApplyRun.of(FILE, env);

    assertEquals(0, again.exit(), again.all());
    assertTrue(again.out().contains("= 4 unchanged\nNothing to do."), again.all());
    assertFalse(again.out().contains("+ ") || again.out().contains("~ ") || again.out().contains("- "), again.all());
    assertEquals(before, db.query("SELECT id, version, updated_at FROM monitors ORDER BY id"));
    assertEquals(channelsBefore, db.query("SELECT * FROM channels ORDER BY id"));
    assertTrue(ApplyRun.of(FILE, env, "--force-secrets", "--dry-run").out().contains("~ update monitor"
        + " \"Receipt emails\": headers.X-Api-Key (secret sent again)"),
        "the way to send a secret the API cannot compare");
  }

  @Test
  void channelFieldsWrittenInAnotherFormThanTheApiShowsAreNotChanges() {
    String file = """
        channels:
          - name: ops-mail
            type: email
            host: smtp.example.com
            from: quorate@example.com
            to: ops@example.com
            username: quorate
            password: short-s3cret
            working_hours: {days: [fri, mon], start: "09:00", end: "17:00"}
        """;
    ApplyRun first = ApplyRun.of(file, env);
    assertEquals(0, first.exit(), first.all());

    ApplyRun again = ApplyRun.of(file, env);

    assertTrue(again.out().contains("= 1 unchanged\nNothing to do."), again.all());
    ApplyRun changed = ApplyRun.of(file.replace("days: [fri, mon]", "days: [mon, tue]"), env);
    assertTrue(changed.out().contains("~ update channel \"ops-mail\": working_hours"), changed.all());
    assertNoSecretIn(changed);
  }

  @Test
  void aChangedFieldIsPlannedAsAnUpdateAndApplied() {
    assertEquals(0, ApplyRun.of(FILE, env).exit());
    String changed = FILE.replace("interval: 30s", "interval: 60s").replace("quorum: 2", "quorum: 3");

    ApplyRun dry = ApplyRun.of(changed, env, "--dry-run");
    assertEquals(0, dry.exit(), dry.all());
    assertTrue(dry.out().contains("~ update monitor \"Receipt emails\": interval 30s -> 1m, quorum 2 -> 3\n"
        + "= 3 unchanged\nDry run: nothing applied."), dry.all());
    assertEquals("30s", byName("monitors", "Receipt emails").orElseThrow().getString("interval"));

    ApplyRun run = ApplyRun.of(changed, env);
    assertEquals(0, run.exit(), run.all());
    assertTrue(run.out().contains("updated monitor \"Receipt emails\""), run.all());
    JsonObject receipts = byName("monitors", "Receipt emails").orElseThrow();
    assertEquals("1m", receipts.getString("interval"));
    assertEquals(3, receipts.getInteger("quorum"));
    assertTrue(ApplyRun.of(changed, env).out().contains("Nothing to do."), "60s and the API's 1m are the same");
  }

  @Test
  void aMonitorFieldChangedOutsideTheFileIsPlannedBackToTheFile() {
    assertEquals(0, ApplyRun.of(FILE, env).exit());
    JsonObject receipts = byName("monitors", "Receipt emails").orElseThrow();
    assertEquals(200, api.put("/api/v1/monitors/" + receipts.getString("id"), receipts.copy().put("owner", "someone")
        .put("labels", new JsonObject().put("team", "billing").put("tier", "1")).encode()).status());

    ApplyRun run = ApplyRun.of(FILE, env);

    assertEquals(0, run.exit(), run.all());
    assertTrue(run.out().contains("~ update monitor \"Receipt emails\": owner someone -> (none),"
        + " labels {\"team\":\"billing\",\"tier\":\"1\"} -> {\"team\":\"billing\"}\n"), run.all());
    assertEquals("", byName("monitors", "Receipt emails").orElseThrow().getString("owner"));
    assertNoSecretIn(run);
  }

  @Test
  void aRotatedChannelSecretIsPlannedWithoutShowingIt() {
    assertEquals(0, ApplyRun.of(FILE, env).exit());
    env.put("SLACK_WEBHOOK", "https://hooks.slack.com/services/T000/B000/slack-s3cret-two");

    ApplyRun run = ApplyRun.of(FILE, env);

    assertEquals(0, run.exit(), run.all());
    assertTrue(run.out().contains("~ update channel \"ops-slack\": webhook_url (secret changed)"), run.all());
    assertFalse(run.all().contains("s3cret"), run.all());
    assertEquals(env.get("SLACK_WEBHOOK"), db.query("SELECT config->>'webhook_url' AS v FROM channels"
        + " WHERE name = 'ops-slack'").get(0).get("v"));
  }

  @Test
  void removedFromTheFileIsKeptWithoutPruneAndDeletedWithIt() {
    assertEquals(0, ApplyRun.of(FILE, env).exit());
    String withoutHeartbeat = FILE.substring(0, FILE.indexOf("  - name: Nightly invoices"))
        .replace("  - name: billing-hook\n    type: webhook\n    url: https://hooks.example/quorate\n"
            + "    secret: ${HOOK_SECRET}\n", "");

    ApplyRun kept = ApplyRun.of(withoutHeartbeat, env);
    assertEquals(0, kept.exit(), kept.all());
    assertTrue(kept.out().contains("Not in the file, kept (--prune deletes them): monitor \"Nightly invoices\","
        + " channel \"billing-hook\""), kept.all());
    assertTrue(byName("monitors", "Nightly invoices").isPresent());

    ApplyRun pruned = ApplyRun.of(withoutHeartbeat, env, "--prune");
    assertEquals(0, pruned.exit(), pruned.all());
    assertTrue(pruned.out().contains("- delete monitor \"Nightly invoices\"\n- delete channel \"billing-hook\"\n"
        + "= 2 unchanged"), pruned.all());
    assertTrue(byName("monitors", "Nightly invoices").isEmpty());
    assertTrue(byName("channels", "billing-hook").isEmpty());
    assertTrue(byName("monitors", "Receipt emails").isPresent());
  }

  @Test
  void pruneLeavesAloneTheKindsTheFileDoesNotList() {
    assertEquals(0, ApplyRun.of(FILE, env).exit());
    String onlyChannels = FILE.substring(0, FILE.indexOf("monitors:"));

    ApplyRun pruned = ApplyRun.of(onlyChannels, env, "--prune");

    assertEquals(0, pruned.exit(), pruned.all());
    assertFalse(pruned.out().contains("delete"), "a file without monitors: does not manage monitors: " + pruned.all());
    assertTrue(byName("monitors", "Receipt emails").isPresent());
    assertTrue(byName("monitors", "Nightly invoices").isPresent());

    ApplyRun emptied = ApplyRun.of(onlyChannels + "monitors: []\n", env, "--prune", "--dry-run");
    assertEquals(0, emptied.exit(), emptied.all());
    assertTrue(emptied.out().contains("- delete monitor \"Receipt emails\""), "an explicit empty list does: "
        + emptied.all());
  }

  @Test
  void anInvalidFileAppliesNothingAndNamesEveryBadItemAndField() {
    String invalid = FILE.replace("quorum: 2", "quorum: 5").replace("grace: 30m", "grace: soon")
        + "  - name: Receipt emails\n    type: heartbeat\n    period: 5m\n";
    env.remove("HOOK_SECRET");

    ApplyRun run = ApplyRun.of(invalid, env);

    assertEquals(1, run.exit(), run.all());
    assertTrue(run.err().contains("channels[1].secret (line 8): ${HOOK_SECRET} is not set in the environment"),
        run.all());
    assertTrue(run.err().contains("monitors[2] \"Receipt emails\" (line 31): name: is also the name of monitors[0]"
        + " \"Receipt emails\" (line 10)"), run.all());
    assertTrue(run.err().contains("Nothing was applied."), run.all());
    assertTrue(list("monitors").isEmpty() && list("channels").isEmpty());

    env.put("HOOK_SECRET", HOOK_SECRET);
    ApplyRun fields = ApplyRun.of(FILE.replace("quorum: 2", "quorum: 5").replace("grace: 30m", "grace: soon"), env);
    assertEquals(1, fields.exit(), fields.all());
    assertTrue(fields.err().contains("error: monitors[0] \"Receipt emails\" (line 10): quorum: must be between 1 and"
        + " the number of regions (3)"), fields.all());
    assertTrue(fields.err().contains("error: monitors[1] \"Nightly invoices\" (line 25): grace: "), fields.all());
    assertTrue(list("monitors").isEmpty() && list("channels").isEmpty(), "not even the valid channels");
  }

  @Test
  void unknownTopLevelKeysAndReferencesToMissingChannelsAreRefused() {
    ApplyRun run = ApplyRun.of(FILE.replace("channels: [ops-slack]", "channels: [ops-slak]") + "alerts: []\n", env);

    assertEquals(1, run.exit(), run.all());
    assertTrue(run.err().contains("alerts (line 31): unknown top-level key"), run.all());

    ApplyRun reference = ApplyRun.of(FILE.replace("channels: [ops-slack]", "channels: [ops-slak]"), env);
    assertEquals(1, reference.exit(), reference.all());
    assertTrue(reference.err().contains("monitors[0] \"Receipt emails\" (line 10): channels[0]: no channel named"
        + " \"ops-slak\" in the file or on the coordinator"), reference.all());
    assertTrue(list("channels").isEmpty());
  }

  @Test
  void aMonitorWithoutRegionsIsRefusedBeforeAnyWriteWhileNoProbeRegionHasConnected() {
    ApplyRun run = ApplyRun.of(FILE.replace("    regions: [eu-west, us-east, ap-south]\n", ""), env);

    assertEquals(1, run.exit(), run.all());
    assertTrue(run.err().contains("monitors[0] \"Receipt emails\" (line 10): regions: is required: no probe region"
        + " has connected yet"), run.all());
    assertTrue(list("channels").isEmpty());
  }

  @Test
  void aWriteTheCoordinatorRefusesStopsTheRunAndSaysWhatWasApplied() {
    api.createMonitor(new JsonObject().put("name", "Legacy nightly").put("type", "heartbeat").put("period", "1d")
        .put("slug", "nightly"));
    String file = FILE.replace("grace: 30m", "grace: 30m\n    slug: nightly");

    ApplyRun run = ApplyRun.of(file, env);

    assertEquals(1, run.exit(), run.all());
    assertTrue(run.out().contains("created monitor \"Receipt emails\""), run.all());
    assertTrue(run.err().contains("error: monitors[1] \"Nightly invoices\" (line 25): slug: is already used by"
        + " another monitor of this project (the coordinator refused: HTTP 400)\n"
        + "Applied before it: 3 of 4 changes (listed above); not applied: 1."), run.all());
    assertTrue(byName("monitors", "Receipt emails").isPresent());
  }

  @Test
  void ambiguousNamesOnTheCoordinatorAreNotTouched() {
    for (String url : List.of("https://a.example/", "https://b.example/")) {
      api.createChannel(new JsonObject().put("type", "webhook").put("name", "ops-slack").put("url", url));
    }

    ApplyRun run = ApplyRun.of(FILE, env);

    assertEquals(1, run.exit(), run.all());
    assertTrue(run.err().contains("channels[0] \"ops-slack\" (line 2): 2 channels on the coordinator are named"
        + " \"ops-slack\"; apply cannot tell which one the file means"), run.all());
    assertEquals(2, list("channels").size());
  }

  @Test
  void aWrongTokenIsAClearErrorAndAMissingOneAUsageError() {
    ApplyRun wrong = ApplyRun.of(FILE, env, "--token", "not-the-token");
    assertEquals(1, wrong.exit(), wrong.all());
    assertTrue(wrong.err().contains("error: the coordinator refused the admin token (HTTP 401)"), wrong.all());
    assertTrue(list("channels").isEmpty());

    env.remove("QUORATE_ADMIN_TOKEN");
    ApplyRun missing = ApplyRun.of(FILE, env);
    assertEquals(2, missing.exit(), missing.all());
    assertTrue(missing.err().contains("Missing --token (or $QUORATE_ADMIN_TOKEN)"), missing.all());

    ApplyRun badUrl = ApplyRun.of(FILE, env, "--token", "t", "--url", "coordinator:8080");
    assertEquals(2, badUrl.exit(), badUrl.all());
    assertTrue(badUrl.err().contains("--url must be http://host:port"), badUrl.all());

    ApplyRun noFile = ApplyRun.run(env, "apply", "--url", "http://127.0.0.1:1");
    assertEquals(2, noFile.exit(), noFile.all());
    assertTrue(noFile.err().contains("--file"), noFile.all());
  }

  private void assertNoSecretIn(ApplyRun run) {
    for (String secret : List.of(SLACK_WEBHOOK, QUEUE_KEY, HOOK_SECRET, "s3cret", "0123456789abcdef")) {
      assertFalse(run.all().contains(secret), run.all());
    }
  }

  private List<JsonObject> list(String collection) {
    JsonArray items = api.get("/api/v1/" + collection).json().getJsonArray(collection);
    return items.stream().map(JsonObject.class::cast).toList();
  }

  private Optional<JsonObject> byName(String collection, String name) {
    return list(collection).stream().filter(o -> name.equals(o.getString("name"))).findFirst();
  }
}
