package io.quorate.bench.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Commands from the runner to a benchmark JVM that lives for several rounds: one line per command on stdin
 * ({@code run --measure-ms 4000 ...}). End of input means the runner is done, or gone: the JVM must exit
 * then, so a runner that was killed never leaves a JVM loading the shared machine.
 */
public final class Commands {
  private static final String END = "\u0000end";
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private Commands() {
  }

  /** Starts reading stdin in the background. */
  public static Commands fromStdin() {
    Commands commands = new Commands();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          commands.lines.add(line);
        }
      } catch (IOException ignored) {
        // a broken pipe means the same as end of input
      }
      commands.lines.add(END);
    }, "runner-commands");
    reader.setDaemon(true);
    reader.start();
    return commands;
  }

  /** The next command's words, or empty at end of input. */
  public Optional<String[]> next() throws InterruptedException {
    String line = lines.take();
    if (line.equals(END)) {
      lines.add(END);
      return Optional.empty();
    }
    return Optional.of(line.strip().split("\\s+"));
  }
}
