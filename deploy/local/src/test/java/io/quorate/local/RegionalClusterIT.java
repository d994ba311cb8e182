package io.quorate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quorate as an operator runs it: three coordinator JVMs and three probe JVMs started from the built jars,
 * one shared PostgreSQL, monitors created through the API. The queue fails in two of three regions: one
 * incident and one webhook alert per monitor. One coordinator is killed with SIGKILL and started again,
 * another is stopped with SIGTERM while the queue recovers: still one incident per monitor, resolved once,
 * alerted once each way. At the end every process is stopped with SIGTERM and exits by itself.
 */
class RegionalClusterIT {
  private static final Duration START = Duration.ofSeconds(120); // six JVMs starting on two cores
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int MONITORS = 3;
  private static final String[] FAILING = {"eu-west", "us-east"};
  private static final int SIGTERM_EXIT = 143;
  private static final long STARTED = System.nanoTime();
  private static RegionalStack stack;
  private static ItDatabase db;
  private static Vertx vertx;
  private static DemoQueueService queue;
  private static WebhookSink webhook;

  @BeforeAll
  static void startEverything() throws Exception {
    vertx = Vertx.vertx();
    Console quiet = new Console(new PrintStream(PrintStream.nullOutputStream()));
    queue = DemoQueueService.start(vertx, "127.0.0.1", 0, RegionalStack.REGIONS, quiet).await();
    webhook = WebhookSink.start(vertx, "127.0.0.1", 0, quiet, Clock.systemUTC()).await();
    stack = RegionalStack.prepare();
    db = stack.db();
    stack.coordinators.forEach(c -> c.process().launch());
    stack.coordinators.forEach(c -> c.awaitServing(START, 3));
    stack.probes.forEach(p -> p.process().launch());
    stack.probes.forEach(p -> p.awaitLinked(START));
    mark("3 coordinators and 3 probes running");
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (stack != null) {
      stack.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  void incidentsHappenExactlyOnceThroughACrashAndAGracefulShutdown() throws Exception {
    List<String> monitors = createMonitors();
    ItWait.until(WAIT, "every region observes every monitor", () -> db.count("SELECT count(DISTINCT (monitor_id, region))"
        + " FROM observations o JOIN monitors m ON m.id = o.monitor_id WHERE m.name LIKE 'queue-%'") == 3L * MONITORS);
    mark("every region observing");

    queueControl("/fail?regions=" + String.join(",", FAILING));
    ItWait.until(WAIT, "one incident per monitor", () -> incidents("") == MONITORS);
    ItWait.until(WAIT, "one DOWN alert per monitor", () -> alerts("incident.opened").size() == MONITORS);
    mark("incidents opened and alerted");

    CoordinatorProcess crashed = stack.awaitMostLinked(WAIT);
    crashed.process().kill();
    mark("killed " + crashed.name() + " (SIGKILL)");
    ItWait.until(WAIT, "every probe moved off " + crashed.name(), () -> stack.allProbesLinkedAwayFrom(crashed));
    mark("probes linked elsewhere");
    crashed.process().launch();
    crashed.awaitServing(START, 2);
    mark(crashed.name() + " serving again");

    CoordinatorProcess leaving = stack.awaitMostLinked(WAIT);
    List<ProbeProcess> onLeaving = stack.probes.stream().filter(p -> leaving.grpcAddress().equals(p.linkedTo())).toList();
    long terminatedAt = System.nanoTime();
    leaving.process().terminate();
    queueControl("/recover");
    ItWait.until(WAIT, "every probe moved off " + leaving.name(), () -> stack.allProbesLinkedAwayFrom(leaving));
    long movedMs = (System.nanoTime() - terminatedAt) / 1_000_000;
    mark("probes moved off " + leaving.name() + " " + movedMs + " ms after SIGTERM");
    assertTrue(movedMs < 5_000, "probes reconnected within a couple of seconds: " + movedMs + " ms");
    assertEquals(SIGTERM_EXIT, leaving.process().awaitExit(Duration.ofSeconds(30)), "exits by itself, within its grace");
    mark(leaving.name() + " exited");
    assertTrue(leaving.process().log().contains("probe links handed over"), "its log: " + leaving.process().logFile());
    for (ProbeProcess probe : onLeaving) {
      assertTrue(probe.process().log().contains("probe link moving coordinator=" + leaving.grpcAddress()),
          probe.region() + " was told to move (Goaway): " + probe.process().logFile());
    }

    ItWait.until(WAIT, "every incident resolved", () -> incidents(" AND resolved_at IS NOT NULL") == MONITORS);
    ItWait.until(WAIT, "one recovery alert per monitor", () -> alerts("incident.resolved").size() == MONITORS);
    mark("incidents resolved and alerted");
    ItWait.during(Duration.ofSeconds(3), "no second incident and no repeated alert", () -> incidents("") == MONITORS
        && alerts("incident.opened").size() == MONITORS && alerts("incident.resolved").size() == MONITORS);
    for (String name : monitors) {
      assertEquals(1, db.count("SELECT count(*) FROM incidents WHERE monitor_name = ?", name), name + ": one incident");
      assertEquals(1, alertsFor("incident.opened", name), name + ": one DOWN alert");
      assertEquals(1, alertsFor("incident.resolved", name), name + ": one recovery alert");
    }
    assertEquals(0, db.count("SELECT count(*) - count(DISTINCT (monitor_id, region, observed_at)) FROM observations"),
        "no observation replayed after the crash or the hand-over was stored twice");

    stopEveryProcessWithSigterm();
  }

  /** Probes first (each drains its spool), then the coordinators: every one exits by itself. */
  private static void stopEveryProcessWithSigterm() {
    stack.probes.forEach(p -> p.process().terminate());
    for (ProbeProcess probe : stack.probes) {
      assertEquals(SIGTERM_EXIT, probe.process().awaitExit(Duration.ofSeconds(30)), probe.region() + " exits");
      assertTrue(probe.process().log().contains("drained "), probe.region() + " drained its spool: "
          + probe.process().logFile());
    }
    mark("probes drained and exited");
    List<CoordinatorProcess> running = stack.coordinators.stream().filter(c -> c.process().alive()).toList();
    running.forEach(c -> c.process().terminate());
    running.forEach(c -> assertEquals(SIGTERM_EXIT, c.process().awaitExit(Duration.ofSeconds(30)), c.name() + " exits"));
    mark("coordinators exited");
  }

  /**
   * THE one place this test creates its monitors and channel. Through the REST API for now: switch it to
   * {@code java -jar coordinator.jar apply -f monitors.yaml} once the config-as-code CLI is merged.
   */
  /**
   * The monitors and their alert channel come from a YAML file applied with {@code coordinator.jar apply}, as teams
   * keep them in git (docs/config-as-code.md); a second apply of the same file changes nothing.
   */
  private static List<String> createMonitors() throws Exception {
    StringBuilder yaml = new StringBuilder("channels:\n  - name: IT webhook\n    type: webhook\n"
        + "    url: ${IT_WEBHOOK_URL}\nmonitors:\n");
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= MONITORS; i++) {
      names.add("queue-" + i);
      yaml.append("  - name: queue-").append(i).append("\n    type: http\n")
          .append("    url: http://127.0.0.1:").append(queue.port()).append("/queues/receipts?monitor=").append(i)
          .append("\n    interval: 1s\n    timeout: 800ms\n    conditions: [\"[BODY].enqueued < 1000\"]\n")
          .append("    regions: [").append(String.join(", ", RegionalStack.REGIONS)).append("]\n")
          .append("    quorum: 2\n    confirmations: 2\n    channels: [IT webhook]\n");
    }
    Path file = RegionalStack.dir().resolve("monitors.yaml");
    Files.writeString(file, yaml);
    String apiBase = stack.anyAlive().apiBase();
    Map<String, String> env = Map.of("IT_WEBHOOK_URL", webhook.url());

    ApplyCli.Result first = ApplyCli.run(file, apiBase, stack.tokens.admin().reveal(), env);
    assertEquals(0, first.exitCode(), first.output());
    assertTrue(first.output().contains("+ create channel \"IT webhook\""), first.output());
    assertTrue(first.output().contains("Applied " + (MONITORS + 1) + " change(s)."), first.output());
    ApplyCli.Result again = ApplyCli.run(file, apiBase, stack.tokens.admin().reveal(), env);
    assertEquals(0, again.exitCode(), again.output());
    assertTrue(again.output().contains("Nothing to do."), "idempotent: " + again.output());
    return names;
  }

  /** The demo queue's own control endpoint, as the local launcher's README uses it with curl. */
  private static void queueControl(String path) {
    ItHttp.Answer answer = ItHttp.post("http://127.0.0.1:" + queue.port() + path, null, new JsonObject());
    assertEquals(200, answer.status(), path + ": " + answer.json());
  }

  private static long incidents(String condition) {
    return db.count("SELECT count(*) FROM incidents WHERE monitor_name LIKE 'queue-%'" + condition);
  }

  private static List<WebhookSink.Delivery> alerts(String event) {
    return webhook.deliveries().stream().filter(d -> event.equals(d.event())).toList();
  }

  private static long alertsFor(String event, String monitorName) {
    return alerts(event).stream().filter(d -> d.body() != null
        && monitorName.equals(d.body().getJsonObject("incident", new JsonObject()).getString("monitor_name"))).count();
  }

  /** Progress with the time since the test class loaded, for reading a run (not asserted). */
  private static void mark(String what) {
    System.out.printf("[RegionalClusterIT] %6.1f s  %s%n", (System.nanoTime() - STARTED) / 1e9, what);
  }
}
