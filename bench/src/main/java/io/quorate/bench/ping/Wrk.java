package io.quorate.bench.ping;

import io.quorate.bench.support.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs wrk, the load generator (Debian package {@code wrk}), with the benchmark's Lua script: either for a
 * fixed time, or until each thread has its share of a fixed number of answers (a burst).
 */
final class Wrk {
  private final Path script;
  private final int threads;
  private final int connections;
  private final int targets;

  Wrk(Path workDir, int threads, int connections, int targets) throws IOException {
    if (!onPath()) {
      throw new IllegalStateException("wrk is not installed: apt install wrk (Debian/Ubuntu), then run again");
    }
    this.script = workDir.resolve("ping.lua");
    try (InputStream in = Wrk.class.getResourceAsStream("ping.lua")) {
      Files.createDirectories(workDir);
      Files.write(script, in.readAllBytes());
    }
    this.threads = threads;
    this.connections = connections;
    this.targets = targets;
  }

  String describe() {
    return "wrk " + threads + " threads, " + connections + " connections, GET /ping/<one of " + targets + " ids>";
  }

  /** Pings for {@code seconds}. */
  Result forSeconds(int httpPort, int seconds) throws IOException, InterruptedException {
    return run(httpPort, seconds + "s", 0);
  }

  /**
   * Sends {@code total} pings as fast as wrk can. wrk has no request count, only a duration: each thread
   * stops itself after its share, and once {@code answered} says every ping was answered the runner
   * interrupts wrk (SIGINT, on which wrk stops and prints its figures), so the duration is the burst's.
   */
  Result burst(int httpPort, int total, LongSupplier answered, int maxSeconds) throws IOException,
      InterruptedException {
    long before = answered.getAsLong();
    return run(httpPort, maxSeconds + "s", (total + threads - 1) / threads, process -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
      while (answered.getAsLong() - before < total && System.nanoTime() < deadline && process.isAlive()) {
        Thread.sleep(50);
      }
      new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    });
  }

  private interface WhileRunning {
    void watch(Process wrk) throws IOException, InterruptedException;
  }

  private Result run(int httpPort, String duration, int perThread) throws IOException, InterruptedException {
    return run(httpPort, duration, perThread, wrk -> { });
  }

  private Result run(int httpPort, String duration, int perThread, WhileRunning watcher)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("wrk", "-t", String.valueOf(threads), "-c",
        String.valueOf(connections), "-d", duration, "--timeout", "10s", "-s", script.toString(),
        "http://127.0.0.1:" + httpPort, "--", String.valueOf(targets), String.valueOf(perThread)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try {
        return process.getInputStream().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    watcher.watch(process);
    String output = new String(read.join(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("wrk failed: " + String.join(" ", command) + "\n" + output);
    }
    return WrkOutput.parse(output);
  }

  private static boolean onPath() {
    try {
      return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
