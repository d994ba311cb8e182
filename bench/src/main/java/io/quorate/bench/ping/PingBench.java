package io.quorate.bench.ping;

import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.Control;
import io.quorate.bench.support.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bench/run.sh ping}: heartbeat pings into one probe node with its durable spool, against a bare
 * Vert.x server measured in the same run, plus top-of-the-hour bursts. Every 200 wrk counted must be found
 * at the sink coordinator. See bench/README.md.
 */
public final class PingBench {
  private static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError");
  private static final Duration READY = Duration.ofSeconds(60);

  private PingBench() {
  }

  public static int run(String... words) throws IOException, InterruptedException {
    if (List.of(words).contains("--help")) {
      System.out.println(PingBenchOptions.USAGE);
      return 0;
    }
    PingBenchOptions options;
    try {
      options = PingBenchOptions.parse(words);
    } catch (IllegalArgumentException e) {
      System.err.println("bench ping: " + e.getMessage() + "\n\n" + PingBenchOptions.USAGE);
      return 2;
    }
    try {
      String report = runAll(options);
      Path file = options.workDir().resolve("report.md");
      Files.writeString(file, report);
      System.out.print("\n" + report.substring(report.indexOf("## Throughput")) + "\nreport written to " + file + "\n");
      return 0;
    } catch (IllegalStateException e) {
      System.err.println("bench ping: " + e.getMessage());
      return 1;
    }
  }

  private static String runAll(PingBenchOptions options) throws IOException, InterruptedException {
    Path spool = options.workDir().resolve("spool");
    deleteRecursively(spool);
    Wrk wrk = new Wrk(options.workDir(), options.threads(), options.connections(), options.targets());
    Path logs = options.workDir().resolve("logs");
    try (ChildJvm fixtures = ChildJvm.start("ping-fixtures", HEAP, PingFixturesMain.class.getName(),
            List.of("--targets", String.valueOf(options.targets())), logs);
         ChildJvm bare = ChildJvm.start("ping-bare", HEAP, PingBareMain.class.getName(), List.of(), logs)) {
      Result sink = fixtures.awaitReady(READY);
      int barePort = (int) bare.awaitReady(READY).number("http_port");
      try (ChildJvm probeJvm = ChildJvm.start("ping-probe", HEAP, PingProbeMain.class.getName(),
          List.of("--sink", sink.text("sink"), "--spool-dir", spool.toString()), logs)) {
        int probePort = (int) probeJvm.awaitReady(READY).number("http_port");
        Files.createDirectories(spool);
        String header = header(options, wrk, spool, List.of(fixtures, bare, probeJvm));
        System.out.print(header);
        Rounds rounds = new Rounds(wrk, new SinkCount(sink.text("control")), barePort, probePort, probeMetrics(probePort));
        return header + rounds.all(options);
      }
    }
  }

  private static String probeMetrics(int port) {
    return "http://127.0.0.1:" + port + "/metrics";
  }

  private static String header(PingBenchOptions options, Wrk wrk, Path spool, List<ChildJvm> jvms)
      throws IOException {
    Runtime runtime = Runtime.getRuntime();
    StringBuilder text = new StringBuilder("# Ping benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + "\n\n- machine: " + runtime.availableProcessors() + " cores, " + System.getProperty("os.name") + " "
        + System.getProperty("os.version") + ", Java " + System.getProperty("java.runtime.version") + "\n"
        + "- load: " + wrk.describe() + "; " + options.rounds() + " rounds of " + options.seconds()
        + " s each against the bare server then the probe, after " + options.warmupSeconds() + " s of warm-up each;"
        + " then " + options.rounds() + " bursts of " + options.burst() + " pings\n"
        + "- spool: " + spool.toAbsolutePath() + " on " + Files.getFileStore(spool).type() + " (fsync per group commit)\n");
    for (ChildJvm jvm : jvms) {
      text.append("- ").append(jvm.commandLine()).append('\n');
    }
    return text.append('\n').toString();
  }

  /** A spool of an earlier run would be replayed into this one's counts. */
  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The sink's count of distinct pings, read over its control endpoint. */
  record SinkCount(String url) {
    long pings() {
      return (long) Result.parse(Control.get(url)).number("pings");
    }

    long duplicates() {
      return (long) Result.parse(Control.get(url)).number("duplicates");
    }

    /** Waits until the count reaches {@code atLeast} and stops moving (or 30 s pass); returns it. */
    long settled(long atLeast) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      long last = -1;
      long count = pings();
      while (System.nanoTime() < deadline && (count < atLeast || count != last)) {
        Thread.sleep(500);
        last = count;
        count = pings();
      }
      return count;
    }
  }

  /** One wrk run. */
  private interface Load {
    Result run() throws IOException, InterruptedException;
  }

  /** The measured rounds and their table. */
  private record Rounds(Wrk wrk, SinkCount sink, int barePort, int probePort, String probeMetrics) {
    String all(PingBenchOptions options) throws IOException, InterruptedException {
      wrk.forSeconds(barePort, options.warmupSeconds());
      warmUpProbe(options);
      List<Result> throughput = new ArrayList<>();
      for (int round = 1; round <= options.rounds(); round++) {
        Result bare = wrk.forSeconds(barePort, options.seconds());
        Result probe = delivered(() -> wrk.forSeconds(probePort, options.seconds()));
        Result row = new Result().putAll("bare_", bare).putAll("probe_", probe).putAll("spool_", spoolFigures());
        throughput.add(row);
        System.out.printf("round %d: bare %.0f/s p99 %.1f ms | probe %.0f/s p99 %.1f ms errors %d lost %d%n", round,
            bare.number("rate"), bare.number("p99_ms"), probe.number("rate"), probe.number("p99_ms"),
            WrkOutput.errors(probe), (long) probe.number("lost"));
      }
      List<Result> bursts = new ArrayList<>();
      for (int round = 1; round <= options.rounds(); round++) {
        Result burst = delivered(() -> wrk.burst(probePort, options.burst(), this::probeAnswered, 60));
        bursts.add(burst);
        System.out.printf("burst %d: %d pings in %.2f s, errors %d, lost %d%n", round, (long) burst.number("ok"),
            burst.number("duration_s"), WrkOutput.errors(burst), (long) burst.number("lost"));
      }
      return PingReport.render(throughput, bursts, sink.duplicates());
    }

    /** The probe's JIT warms up on the same work; its pings count like any other. */
    private void warmUpProbe(PingBenchOptions options) throws IOException, InterruptedException {
      delivered(() -> wrk.forSeconds(probePort, options.warmupSeconds()));
    }

    /**
     * Runs the load and adds how many pings reached the sink: {@code lost} (answered 200, never delivered)
     * must be 0. {@code unanswered} counts pings the sink got whose answer wrk did not wait for: it stops
     * with requests in flight, at most one per connection.
     */
    private Result delivered(Load load) throws IOException, InterruptedException {
      long before = sink.pings();
      Result result = load.run();
      long ok = (long) result.number("ok");
      long delivered = sink.settled(before + ok) - before;
      return result.put("delivered", delivered).put("lost", Math.max(0, ok - delivered))
          .put("unanswered", Math.max(0, delivered - ok));
    }

    /** Pings the probe has answered, whatever the answer: the burst is over when it reaches the burst size. */
    private long probeAnswered() {
      return SpoolMetrics.pingsAnswered(probeMetrics);
    }

    private Result spoolFigures() {
      return SpoolMetrics.scrape(probeMetrics);
    }
  }
}
