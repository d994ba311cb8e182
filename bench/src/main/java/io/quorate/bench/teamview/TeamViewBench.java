package io.quorate.bench.teamview;

import io.quorate.bench.coordinator.CoordinatorUnderTestMain;
import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Result;
import io.quorate.bench.support.Stats;
import io.quorate.bench.support.TextTable;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * {@code bench/run.sh teamview}: how fast the team view's API answers with 10,000 monitors and a month of
 * history. One real coordinator JVM with its embedded PostgreSQL, seeded in SQL ({@link TeamViewSeed}); the
 * runner asks each endpoint in turn, one request at a time, round after round, and compares with two baselines
 * asked in the same rounds: {@code /health} (the same HTTP server, no database) and {@code /api/v1/channels}
 * (the same server, the admin token and one small SELECT). See bench/README.md.
 */
public final class TeamViewBench {
  private static final String ADMIN_TOKEN = "bench-admin-token";
  private static final Duration START = Duration.ofMinutes(3);
  private static final double TARGET_P99_MS = 100;

  private TeamViewBench() {
  }

  public static int run(String... words) throws IOException, InterruptedException {
    if (List.of(words).contains("--help") || List.of(words).contains("-h")) {
      System.out.print(TeamViewOptions.USAGE);
      return 0;
    }
    TeamViewOptions options;
    try {
      options = TeamViewOptions.parse(words);
    } catch (IllegalArgumentException e) {
      System.err.println("bench teamview: " + e.getMessage() + "\n\n" + TeamViewOptions.USAGE);
      return 2;
    }
    Path dataDir = options.workDir().resolve("data").toAbsolutePath();
    deleteRecursively(dataDir.resolve("pg"));
    List<String> flags = new ArrayList<>(List.of("-Xms" + options.heap(), "-Xmx" + options.heap(),
        "-XX:+ExitOnOutOfMemoryError"));
    flags.addAll(CoordinatorUnderTestMain.HAZELCAST_FLAGS);
    String header = header(options, flags);
    System.out.print(header);
    try (ChildJvm coordinator = ChildJvm.start("teamview-coordinator", flags, CoordinatorUnderTestMain.class.getName(),
        List.of("--data-dir", dataDir.toString(), "--admin-token", ADMIN_TOKEN, "--probe-token", "bench-probe-token"),
        Map.of(), options.workDir().resolve("logs"))) {
      Result ready = coordinator.awaitReady(START);
      int httpPort = (int) ready.number("http_port");
      long seedStart = System.nanoTime();
      List<String> dense = new TeamViewSeed((int) ready.number("pg_port"), httpPort, ADMIN_TOKEN).seed(options);
      String seeded = String.format("- seeded in %.0f s%n", (System.nanoTime() - seedStart) / 1e9);
      System.out.print(seeded);
      TimedClient client = new TimedClient(httpPort, ADMIN_TOKEN);
      Map<String, String> endpoints = endpoints(client, dense.get(0));
      Map<String, List<long[]>> rounds = measure(client, endpoints, options);
      String table = table(endpoints, rounds, options);
      String report = header + seeded + "\n" + table;
      Files.writeString(options.workDir().resolve("report.md"), report);
      System.out.print("\n" + table + "\nreport written to " + options.workDir().resolve("report.md") + "\n");
      return 0;
    } catch (SQLException e) {
      System.err.println("bench teamview: seeding failed: " + e.getMessage());
      return 1;
    }
  }

  /** What is asked, by name; the second page's cursor comes from the first page. */
  private static Map<String, String> endpoints(TimedClient client, String denseId) throws IOException,
      InterruptedException {
    String next = new JsonObject(client.body("/api/v1/monitors?limit=50")).getString("next");
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("baseline: /health (no database)", "/health");
    endpoints.put("baseline: /api/v1/channels (token + 1 small SELECT)", "/api/v1/channels");
    endpoints.put("first page (limit=50)", "/api/v1/monitors?limit=50");
    endpoints.put("second page (cursor)", "/api/v1/monitors?limit=50&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    endpoints.put("owner=team-07", "/api/v1/monitors?owner=team-07&limit=50");
    endpoints.put("state=down", "/api/v1/monitors?state=down&limit=50");
    endpoints.put("owner=team-07&label=tier:1&q=queue-00", "/api/v1/monitors?owner=team-07&label=tier:1&q=queue-00&limit=50");
    endpoints.put("series 30 days (dense queue)", "/api/v1/monitors/" + denseId + "/series?from=30d");
    endpoints.put("series 7 days (dense queue)", "/api/v1/monitors/" + denseId + "/series?from=7d");
    endpoints.put("series 24 h (dense queue)", "/api/v1/monitors/" + denseId + "/series?from=24h");
    return endpoints;
  }

  private static Map<String, List<long[]>> measure(TimedClient client, Map<String, String> endpoints,
      TeamViewOptions options) throws IOException, InterruptedException {
    for (String path : endpoints.values()) {
      client.time(path, options.warmup());
    }
    // The list without parameters answers every monitor: timed a few times only, for comparison.
    long[] unpaged = client.time("/api/v1/monitors", 5);
    System.out.printf("unparameterized list (all monitors), 5 requests: p50 %.1f ms, max %.1f ms%n",
        TimedClient.quantileMs(unpaged, 0.5), TimedClient.quantileMs(unpaged, 1.0));
    Map<String, List<long[]>> rounds = new LinkedHashMap<>();
    for (int round = 1; round <= options.rounds(); round++) {
      for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
        long[] times = client.time(endpoint.getValue(), options.requests());
        rounds.computeIfAbsent(endpoint.getKey(), k -> new ArrayList<>()).add(times);
        System.out.printf("round %d, %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", round, endpoint.getKey(),
            TimedClient.quantileMs(times, 0.5), TimedClient.quantileMs(times, 0.99), TimedClient.quantileMs(times, 1.0));
      }
    }
    rounds.put("unparameterized list, all monitors (5 requests)", List.of(unpaged));
    return rounds;
  }

  private static String table(Map<String, String> endpoints, Map<String, List<long[]>> rounds, TeamViewOptions options) {
    double health = median(rounds.get(endpoints.keySet().iterator().next()), 0.99);
    TextTable table = new TextTable("endpoint", "p50 ms", "p99 ms", "p99 min–max over rounds", "max ms",
        "p99 − /health p99", "p99 < 100 ms");
    for (Map.Entry<String, List<long[]>> entry : rounds.entrySet()) {
      List<long[]> perRound = entry.getValue();
      long[] all = perRound.stream().flatMapToLong(LongStream::of).sorted().toArray();
      double p99 = median(perRound, 0.99);
      table.row(entry.getKey(), Stats.format(median(perRound, 0.5), 1), Stats.format(p99, 1),
          Stats.format(perRound.stream().mapToDouble(t -> TimedClient.quantileMs(t, 0.99)).min().orElse(0), 1) + "–"
              + Stats.format(perRound.stream().mapToDouble(t -> TimedClient.quantileMs(t, 0.99)).max().orElse(0), 1),
          Stats.format(TimedClient.quantileMs(all, 1.0), 1), Stats.format(p99 - health, 1),
          p99 < TARGET_P99_MS ? "yes" : "no");
    }
    return "Medians over " + options.rounds() + " round(s) of " + options.requests() + " sequential requests per"
        + " endpoint (p99 of " + options.requests() + " is the " + (options.requests() - (int) Math.ceil(0.99
        * options.requests()) + 1) + ". largest)\n\n" + table.render();
  }

  private static double median(List<long[]> rounds, double quantile) {
    return Stats.median(rounds.stream().map(t -> TimedClient.quantileMs(t, quantile)).toList());
  }

  private static String header(TeamViewOptions options, List<String> flags) {
    Runtime runtime = Runtime.getRuntime();
    return "# Team view benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n\n"
        + "- machine: " + runtime.availableProcessors() + " cores (nproc), " + System.getProperty("os.name") + " "
        + System.getProperty("os.version") + ", Java " + System.getProperty("java.runtime.version") + "\n"
        + String.format("- fixtures: %,d HTTP monitors (20 owners, 3 tiers, 2%% down with an open incident), %,d"
            + " heartbeats; a month of runs: %d dense queue(s) every 30 s from 3 regions, the rest one run every %d"
            + " min; 2 resolved incidents per queue%n", options.monitors(), options.heartbeats(), options.dense(),
            options.sparseEveryMinutes())
        + "- coordinator JVM: " + String.join(" ", flags) + "; embedded PostgreSQL (zonky)\n"
        + "- client: the runner (" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
        + "), JDK HttpClient, HTTP/1.1 keep-alive, one request at a time\n";
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
