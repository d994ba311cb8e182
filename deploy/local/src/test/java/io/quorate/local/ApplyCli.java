package io.quorate.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar coordinator.jar apply -f FILE --url URL} run from the built jar, the way
 * docs/config-as-code.md tells a team to run it from CI: the admin token and the file's {@code ${VARS}} come
 * from the environment.
 */
final class ApplyCli {
  private static final long TIMEOUT_SECONDS = 60;

  record Result(int exitCode, String output) {}

  private ApplyCli() {}

  static Result run(Path file, String apiBase, String adminToken, Map<String, String> environment)
      throws IOException, InterruptedException, LaunchException {
    Path jar = JarLocator.locate(Optional.empty(), Path.of(""), Optional.empty()).coordinator();
    Path output = Files.createTempFile(file.getParent(), "apply-", ".out");
    ProcessBuilder builder = new ProcessBuilder(List.of(ChildCommands.currentJava().toString(), "-jar",
        jar.toString(), "apply", "-f", file.toString(), "--url", apiBase))
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("QUORATE_ADMIN_TOKEN", adminToken);
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("apply did not finish in " + TIMEOUT_SECONDS + " s; output: " + output);
    }
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }
}
