package io.quorate.coordinator.apply;

import io.quorate.coordinator.CoordinatorMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code coordinator.jar apply ...} run in this JVM, as a user would run it, with its output captured. */
record ApplyRun(int exit, String out, String err) {

  /** Writes {@code yaml} to a file and runs {@code apply -f <file> <args>} with the given environment. */
  static ApplyRun of(String yaml, Map<String, String> environment, String... args) {
    try {
      Path file = Files.createTempFile("monitors", ".yaml");
      Files.writeString(file, yaml);
      List<String> all = new ArrayList<>(List.of("apply", "-f", file.toString()));
      all.addAll(List.of(args));
      return run(environment, all.toArray(String[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ApplyRun run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CoordinatorMain.commandLine(args, environment)
        .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new ApplyRun(exit, out.toString(), err.toString());
  }

  /** Both streams, for assertion messages. */
  String all() {
    return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
