package io.quorate.local;

import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Waits until child processes answer {@code GET /health} with 200, and says clearly which one did not. */
final class Readiness {
  private static final long ATTEMPT_TIMEOUT_MS = 2000;

  record Target(ChildProcess process, int httpPort) {}

  private final WebClient client;
  private final Console console;

  Readiness(WebClient client, Console console) {
    this.client = client;
    this.console = console;
  }

  /** Blocks the calling (main) thread until every target is healthy, one dies, or {@code timeout} passes. */
  void awaitHealthy(List<Target> targets, Duration timeout) throws LaunchException {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    Map<Target, String> pending = new LinkedHashMap<>();
    targets.forEach(t -> pending.put(t, "not asked yet"));
    while (true) {
      for (Target target : new ArrayList<>(pending.keySet())) {
        ChildProcess child = target.process();
        if (!child.isAlive()) {
          throw new LaunchException(child.name() + " exited (exit code " + child.exitCode() + ") before it answered"
              + " GET /health. See its log: " + child.logFile());
        }
        String problem = problem(target.httpPort());
        if (problem == null) {
          pending.remove(target);
          console.info(child.name() + " is healthy (" + seconds(started) + " s)");
        } else {
          pending.put(target, problem);
        }
      }
      if (pending.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        Map.Entry<Target, String> first = pending.entrySet().iterator().next();
        ChildProcess child = first.getKey().process();
        throw new LaunchException(child.name() + " did not answer GET http://127.0.0.1:" + first.getKey().httpPort()
            + "/health with 200 within " + timeout.toSeconds() + " s (last answer: " + first.getValue()
            + "). See its log: " + child.logFile());
      }
      sleepOneSecond();
    }
  }

  /** Null when healthy, else what went wrong (for the error message). */
  private String problem(int port) {
    try {
      int status = Await.result(client.get(port, "127.0.0.1", "/health")
          .connectTimeout(ATTEMPT_TIMEOUT_MS)
          .idleTimeout(ATTEMPT_TIMEOUT_MS)
          .send()
          .timeout(ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .map(response -> response.statusCode()), Duration.ofMillis(ATTEMPT_TIMEOUT_MS + 1000), "GET /health");
      return status == 200 ? null : "HTTP " + status;
    } catch (LaunchException e) {
      return e.getMessage();
    }
  }

  private static long seconds(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
  }

  private static void sleepOneSecond() throws LaunchException {
    try {
      Thread.sleep(1000); // the launcher's main thread, not an event loop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted while waiting for the coordinators", e);
    }
  }
}
