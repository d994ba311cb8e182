package io.quorate.bench.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One benchmark JVM started by the runner from the same jar: its own heap flags, its output copied line by
 * line into {@code <logDir>/<name>.log}, and two lines read back: {@code READY k=v...} once it serves, and
 * {@code RESULT k=v...} with its figures. Separate JVMs keep the measured process free of the load
 * generator's and the target's work, and give each its own heap limit.
 */
public final class ChildJvm implements AutoCloseable {
  private static final String READY = "READY ";
  private static final String RESULT = "RESULT ";

  private final String name;
  private final Process process;
  private final Path log;
  private final List<String> command;
  private final CompletableFuture<Result> ready = new CompletableFuture<>();
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private volatile boolean outOfMemory;
  private volatile boolean closing;

  /** How a child ended: its figures ({@code null} when it printed none), exit code and whether it ran out of heap. */
  public record Finished(Result result, int exitCode, boolean outOfMemory, Path log) {
  }

  private ChildJvm(String name, Process process, Path log, List<String> command) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.command = command;
  }

  public static ChildJvm start(String name, List<String> jvmFlags, String mainClass, List<String> args, Path logDir)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    // stdin stays an open pipe on purpose: the child exits when it closes (ParentWatch).
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ChildJvm child = new ChildJvm(name, process, log, command);
    Thread copier = new Thread(child::copyOutput, "output-" + name);
    copier.setDaemon(true);
    copier.start();
    return child;
  }

  /** The command without the (long) class path, for the runner's header and the logs. */
  public String commandLine() {
    List<String> shown = new ArrayList<>(command);
    int cp = shown.indexOf("-cp");
    shown.set(cp + 1, "<bench jar>");
    return String.join(" ", shown);
  }

  public Path log() {
    return log;
  }

  /** Waits for the READY line; fails (naming the log) when the child exits or takes longer than {@code timeout}. */
  public Result awaitReady(Duration timeout) {
    return await(ready, timeout, "to be ready");
  }

  /** Waits for the child to exit on its own; after {@code timeout} it is killed and reported without figures. */
  public Finished awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      System.err.println(name + ": still running after " + timeout.toSeconds() + " s, killed; see " + log);
      close();
    }
    Result figures = result.getNow(null);
    if (figures == null) {
      // The output copier may still be on the last lines: give it a moment.
      try {
        figures = result.get(2, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        figures = null;
      }
    }
    return new Finished(figures, process.waitFor(), outOfMemory, log);
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    closing = true;
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private Result await(CompletableFuture<Result> line, Duration timeout, String what) {
    try {
      return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      close();
      throw new IllegalStateException(name + ": timed out waiting " + what + "; see " + log);
    } catch (ExecutionException e) {
      throw new IllegalStateException(name + ": " + e.getCause().getMessage() + "; see " + log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + ": interrupted", e);
    }
  }

  private void copyOutput() {
    try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      out.println("# " + commandLine());
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        if (line.startsWith(READY)) {
          ready.complete(Result.parse(line.substring(READY.length())));
        } else if (line.startsWith(RESULT)) {
          result.complete(Result.parse(line.substring(RESULT.length())));
        } else if (line.contains("OutOfMemoryError")) {
          outOfMemory = true;
        }
      }
    } catch (IOException e) {
      if (!closing) { // a child being stopped closes its output under the copier's feet
        System.err.println(name + ": cannot copy output to " + log + ": " + e);
      }
    } finally {
      ready.completeExceptionally(new IllegalStateException("exited before it was ready"));
      result.completeExceptionally(new IllegalStateException("exited without a RESULT line"));
    }
  }

  /** Prints the line the runner reads back; a child's only use of stdout besides its logs. */
  public static void printReady(Result values) {
    System.out.println(READY + values.line());
    System.out.flush();
  }

  public static void printResult(Result values) {
    System.out.println(RESULT + values.line());
    System.out.flush();
  }
}
