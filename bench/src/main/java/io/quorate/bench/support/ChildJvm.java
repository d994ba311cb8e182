package io.quorate.bench.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One benchmark JVM started by the runner from the same jar: its own heap flags, its output copied line by
 * line into {@code <logDir>/<name>.log}, and lines read back: {@code READY k=v...} once it serves, then one
 * {@code RESULT k=v...} per round. Rounds are asked for on its stdin ({@link #send}, read by
 * {@link Commands}); closing stdin ends it. Separate JVMs keep the measured process free of the load
 * generator's and the target's work, and give each its own heap limit.
 */
public final class ChildJvm implements AutoCloseable {
  private static final String READY = "READY ";
  private static final String RESULT = "RESULT ";
  private static final Result EXITED = new Result();

  private final String name;
  private final Process process;
  private final Path log;
  private final List<String> command;
  private final CompletableFuture<Result> ready = new CompletableFuture<>();
  private final BlockingQueue<Result> results = new LinkedBlockingQueue<>();
  private volatile boolean outOfMemory;
  private volatile boolean closing;

  /** How a round ended: its figures ({@code null} when there were none), and if the JVM is gone, how. */
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
    return start(name, jvmFlags, mainClass, args, Map.of(), logDir);
  }

  /**
   * As above, with extra environment variables: for values that must not appear on a command line, which
   * the log and the report print (a database URL with its password).
   */
  public static ChildJvm start(String name, List<String> jvmFlags, String mainClass, List<String> args,
      Map<String, String> environment, Path logDir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
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

  /** Waits for the READY line; fails (naming the log) when the child exits or takes longer than {@code timeout}. */
  public Result awaitReady(Duration timeout) {
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      close();
      throw new IllegalStateException(name + ": not ready after " + timeout.toSeconds() + " s; see " + log);
    } catch (ExecutionException e) {
      throw new IllegalStateException(name + ": " + e.getCause().getMessage() + "; see " + log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + ": interrupted", e);
    }
  }

  /** Sends one command line to the child's stdin. */
  public void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /**
   * Waits for the next RESULT line. When the child exits first, or {@code timeout} passes (the child is
   * then killed), the round has no figures.
   */
  public Finished nextResult(Duration timeout) throws InterruptedException {
    Result figures = results.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (figures == null) {
      System.err.println(name + ": no result after " + timeout.toSeconds() + " s, stopped; see " + log);
      close();
    }
    if (figures == null || figures == EXITED) {
      return new Finished(null, process.waitFor(), outOfMemory, log);
    }
    return new Finished(figures, -1, outOfMemory, log);
  }

  /** Ends the child: end of input first (it exits on its own), then a kill if it does not. */
  @Override
  public void close() {
    closing = true;
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
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
          results.add(Result.parse(line.substring(RESULT.length())));
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
      results.add(EXITED);
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
