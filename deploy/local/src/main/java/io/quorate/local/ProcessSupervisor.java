package io.quorate.local;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts child JVMs, copies each one's output to the terminal ({@code [name] line}) and to
 * {@code <logs>/<name>.log}, reports a child that dies on its own, and stops groups of children in order.
 */
final class ProcessSupervisor {
  private final Path logDir;
  private final Console console;
  private final List<ChildProcess> started = new ArrayList<>();
  private volatile boolean closed;

  ProcessSupervisor(Path logDir, Console console) {
    this.logDir = logDir;
    this.console = console;
  }

  /** Starts a child; refused once {@link #close()} has begun, so a Ctrl-C during startup leaves nothing behind. */
  synchronized ChildProcess start(ChildSpec spec) throws LaunchException {
    if (closed) {
      throw new LaunchException("stopping: not starting " + spec.name());
    }
    Path logFile = logDir.resolve(spec.name() + ".log");
    try {
      BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
      log.write("# " + Instant.now() + " started: " + spec + System.lineSeparator());
      log.flush();
      ProcessBuilder builder = new ProcessBuilder(spec.command()).redirectErrorStream(true);
      // The local stack is configured by its flags and its own secrets, not by QUORATE_* variables of the caller's shell.
      builder.environment().keySet().removeIf(key -> key.startsWith("QUORATE_"));
      spec.secretEnvironment().forEach((key, secret) -> builder.environment().put(key, secret.reveal()));
      ChildProcess child = new ChildProcess(spec.name(), builder.start(), logFile);
      started.add(child);
      Thread pump = new Thread(() -> pump(child, log), "output-" + spec.name());
      pump.setDaemon(true);
      pump.start();
      console.info("started " + spec.name() + " (pid " + child.process().pid() + "), log: " + logFile);
      return child;
    } catch (IOException e) {
      throw new LaunchException("could not start " + spec.name() + " (" + spec + "): " + e.getMessage(), e);
    }
  }

  /** From now on no child starts; the exits that follow are expected. */
  synchronized void close() {
    closed = true;
  }

  /** Stops every child started so far and still running, whichever group it belongs to. */
  void stopAll(Duration grace) {
    List<ChildProcess> running;
    synchronized (this) {
      running = started.stream().filter(ChildProcess::isAlive).toList();
    }
    stop(running, grace);
  }

  /**
   * Asks every child of the group to stop at once, waits for them up to {@code grace} in total, then kills
   * what is left. Blocks: call from the main thread or the shutdown hook.
   */
  void stop(List<ChildProcess> group, Duration grace) {
    group.forEach(ChildProcess::requestStop);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ChildProcess child : group) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!child.process().waitFor(left, TimeUnit.NANOSECONDS)) {
          console.info(child.name() + " did not stop within " + grace.toSeconds() + " s: killing it");
          child.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        child.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void pump(ChildProcess child, BufferedWriter log) {
    Charset charset = Charset.defaultCharset();
    try (log; BufferedReader reader = new BufferedReader(new InputStreamReader(child.process().getInputStream(), charset))) {
      String line;
      while ((line = reader.readLine()) != null) {
        console.line(child.name(), line);
        log.write(line);
        log.newLine();
        log.flush();
      }
    } catch (IOException e) {
      console.info("lost the output of " + child.name() + ": " + e.getMessage());
    }
    reportExit(child);
  }

  private void reportExit(ChildProcess child) {
    try {
      int code = child.process().waitFor();
      if (!child.stopRequested() && !closed) {
        // Ctrl-C reaches the children as well as the launcher; give the launcher's hook a moment to say so.
        Thread.sleep(1000);
      }
      if (child.stopRequested() || closed) {
        console.info(child.name() + " stopped (exit code " + code + ")");
      } else {
        console.alert(child.name() + " EXITED UNEXPECTEDLY with exit code " + code,
            "its log: " + child.logFile(),
            "the rest keeps running; press Ctrl-C to stop everything and start the launcher again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
