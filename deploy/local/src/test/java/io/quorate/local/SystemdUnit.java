package io.quorate.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What of a systemd unit file decides how the process starts: {@code ExecStart}, {@code Environment=} lines,
 * {@code EnvironmentFile}, {@code StateDirectory}, {@code TimeoutStopSec}, {@code SuccessExitStatus}; and the
 * {@code KEY=VALUE} lines of an environment file. Read as systemd reads them for these simple files (no quoting,
 * no specifiers), so a test can run the unit's command without systemd.
 */
record SystemdUnit(List<String> execStart, Map<String, String> environment, Path environmentFile,
    String stateDirectory, int timeoutStopSeconds, List<Integer> successExitStatus) {

  static SystemdUnit read(Path file) throws IOException {
    Map<String, List<String>> settings = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      int equals = trimmed.indexOf('=');
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("[") || equals < 0) {
        continue;
      }
      settings.computeIfAbsent(trimmed.substring(0, equals), k -> new ArrayList<>()).add(trimmed.substring(equals + 1));
    }
    Map<String, String> environment = new LinkedHashMap<>();
    settings.getOrDefault("Environment", List.of()).forEach(assignment -> put(assignment, environment));
    return new SystemdUnit(Arrays.asList(one(settings, "ExecStart", file).split("\\s+")), environment,
        Path.of(one(settings, "EnvironmentFile", file)), one(settings, "StateDirectory", file),
        Integer.parseInt(one(settings, "TimeoutStopSec", file).replace("s", "")),
        Arrays.stream(one(settings, "SuccessExitStatus", file).split("\\s+")).map(Integer::valueOf).toList());
  }

  /** {@code KEY=VALUE} lines; comments and blank lines skipped. */
  static Map<String, String> readEnvironmentFile(Path file) throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        put(trimmed, environment);
      }
    }
    return environment;
  }

  private static void put(String assignment, Map<String, String> environment) {
    int equals = assignment.indexOf('=');
    environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
  }

  private static String one(Map<String, List<String>> settings, String key, Path file) {
    List<String> values = settings.getOrDefault(key, List.of());
    if (values.size() != 1) {
      throw new AssertionError(file + ": expected one " + key + "=, found " + values.size());
    }
    return values.get(0);
  }
}
