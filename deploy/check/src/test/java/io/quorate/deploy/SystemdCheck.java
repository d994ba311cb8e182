package io.quorate.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/systemd}: each unit runs a jar Maven builds, with an environment file that exists here and
 * sets real options, keeps its writable directories in its StateDirectory (ProtectSystem=strict makes the
 * rest read-only), runs as a plain user with the hardening options, and gives a stop time for draining.
 */
final class SystemdCheck {
  private static final Pattern JAR = Pattern.compile("/opt/quorate/([\\w.-]+\\.jar)");
  private static final List<String> REQUIRED = List.of("NoNewPrivileges=yes", "ProtectSystem=strict",
      "ProtectHome=yes", "PrivateTmp=yes", "Restart=on-failure");

  private SystemdCheck() {}

  static void check(Problems problems) {
    List<Path> units = RepositoryFiles.filesUnder(RepositoryFiles.deploy("systemd"), ".service");
    if (units.stream().noneMatch(unit -> unit.getFileName().toString().equals("quorate-probe.service"))) {
      problems.add("deploy/systemd", "no quorate-probe.service");
    }
    units.forEach(unit -> checkUnit(unit, problems));
  }

  private static void checkUnit(Path unit, Problems problems) {
    String where = "deploy/systemd/" + unit.getFileName();
    List<String> lines = RepositoryFiles.read(unit).lines().map(String::strip)
        .filter(line -> !line.startsWith("#") && line.contains("=")).toList();
    String execStart = value(lines, "ExecStart").orElse("");
    Matcher jar = JAR.matcher(execStart);
    Optional<QuorateProcess> process = jar.find() ? QuorateProcess.byJarName(jar.group(1)) : Optional.empty();
    if (process.isEmpty()) {
      problems.add(where, "ExecStart runs no jar Maven builds: " + execStart);
      return;
    }
    Map<String, String> environment = environment(unit, lines, where, problems);
    ProcessUsage usage = new ProcessUsage(process.get(), where, environment, problems);
    usage.checkFlags(execStart);
    checkStateDirectory(lines, environment, where, problems);
    REQUIRED.stream().filter(setting -> !lines.contains(setting))
        .forEach(setting -> problems.add(where, "lacks " + setting));
    if (value(lines, "User").filter(user -> !user.equals("root")).isEmpty()) {
      problems.add(where, "does not run as a plain user");
    }
    if (value(lines, "TimeoutStopSec").isEmpty()) {
      problems.add(where, "no TimeoutStopSec: the default 90 s is not a decision about draining");
    } else {
      usage.checkStopTime(value(lines, "TimeoutStopSec").get(), "TimeoutStopSec");
    }
    Optional.ofNullable(environment.get("QUORATE_COORDINATOR")).ifPresent(addresses -> usage.checkAddressPorts(
        addresses, QuorateProcess.COORDINATOR, "--grpc-port", coordinatorEnvironment(unit)));
  }

  /** EnvironmentFile= (installed to /etc/quorate, shipped beside the unit) and Environment= lines. */
  private static Map<String, String> environment(Path unit, List<String> lines, String where, Problems problems) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String file : values(lines, "EnvironmentFile")) {
      Path shipped = unit.resolveSibling(Path.of(file.replaceFirst("^-", "")).getFileName());
      if (Files.isRegularFile(shipped)) {
        environment.putAll(RepositoryFiles.envFile(shipped));
      } else {
        problems.add(where, "EnvironmentFile " + file + " has no " + shipped.getFileName() + " beside the unit");
      }
    }
    for (String assignment : values(lines, "Environment")) {
      int equals = assignment.indexOf('=');
      environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
    return environment;
  }

  private static void checkStateDirectory(List<String> lines, Map<String, String> environment, String where,
      Problems problems) {
    String state = "/var/lib/" + value(lines, "StateDirectory").orElse("<no StateDirectory>") + "/";
    environment.forEach((name, value) -> {
      if (name.endsWith("_DIR") && !value.startsWith(state)) {
        problems.add(where, name + "=" + value + " is outside " + state + ", read-only under ProtectSystem=strict");
      }
    });
  }

  private static Map<String, String> coordinatorEnvironment(Path unit) {
    Path env = unit.resolveSibling("quorate-coordinator.env");
    return Files.isRegularFile(env) ? RepositoryFiles.envFile(env) : Map.of();
  }

  private static Optional<String> value(List<String> lines, String key) {
    List<String> all = values(lines, key);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  private static List<String> values(List<String> lines, String key) {
    List<String> values = new ArrayList<>();
    lines.stream().filter(line -> line.startsWith(key + "=")).forEach(line -> values.add(line.substring(key.length() + 1)));
    return values;
  }
}
