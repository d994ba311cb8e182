package io.quorate.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Quorate jar run as its own operating-system process from the command line the local launcher uses
 * ({@link ChildCommands}, the options of docs/CONTRACTS.md, tokens in the environment). Output goes to a file
 * per launch. {@link #kill()} is SIGKILL (no shutdown hook runs); {@link #terminate()} is SIGTERM, what
 * systemd, Kubernetes and Ctrl-C send, so the process's graceful shutdown runs.
 */
final class JarProcess {
  /** Every process started by a test, killed when the test JVM exits, so none outlives a failed run. */
  private static final List<JarProcess> STARTED = new ArrayList<>();
  private static final String PID_FILE = "pids";

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (STARTED) {
        STARTED.stream().filter(JarProcess::alive).forEach(p -> p.process.destroyForcibly());
      }
    }, "kill-jar-processes"));
  }

  private final ChildSpec spec;
  private final Path logDir;
  private Process process;
  private Path logFile;
  private int launches;

  JarProcess(ChildSpec spec, Path logDir) {
    this.spec = spec;
    this.logDir = logDir;
  }

  /** Starts the process (again after it ended: same command, a new log file); does not wait for it to serve. */
  synchronized void launch() {
    if (alive()) {
      throw new IllegalStateException(spec.name() + " is running");
    }
    launches++;
    logFile = logDir.resolve(spec.name() + "-launch" + launches + ".log");
    ProcessBuilder builder = new ProcessBuilder(spec.command()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("QUORATE_"));
    spec.secretEnvironment().forEach((name, secret) -> builder.environment().put(name, secret.reveal()));
    try {
      Files.createDirectories(logDir);
      Files.writeString(logFile, "launched at " + Instant.now() + ": " + spec + "\n");
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + spec.name(), e);
    }
    synchronized (STARTED) {
      STARTED.add(this);
    }
    rememberPid();
  }

  /**
   * The pid goes to a file next to the logs: a test JVM killed outright runs no shutdown hook, so the next run
   * ends what the last one left behind ({@link #killLeftovers}).
   */
  private void rememberPid() {
    try {
      Files.writeString(logDir.resolve(PID_FILE), process.pid() + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills processes a previous run started from the Quorate jars and left running (only those: pids get reused). */
  static void killLeftovers(Path logDir) throws IOException {
    Path pids = logDir.resolve(PID_FILE);
    if (!Files.exists(pids)) {
      return;
    }
    for (String line : Files.readAllLines(pids)) {
      ProcessHandle.of(Long.parseLong(line.strip()))
          .filter(handle -> handle.info().commandLine().map(JarProcess::isQuorateJar).orElse(false))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static boolean isQuorateJar(String commandLine) {
    return commandLine.contains(JarLocator.COORDINATOR_JAR) || commandLine.contains(JarLocator.PROBE_JAR);
  }

  /** SIGKILL, as a crash or the OOM killer; waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: the process runs its shutdown hook and exits by itself. */
  void terminate() {
    process.toHandle().destroy();
  }

  /**
   * @return the exit code
   * @throws AssertionError when the process is still running after {@code timeout}
   */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(spec.name() + " still running " + timeout.toSeconds() + " s later; log: " + logFile);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  String name() {
    return spec.name();
  }

  Path logFile() {
    return logFile;
  }

  /** The current launch's output so far. */
  String log() {
    try {
      return Files.readString(logFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
