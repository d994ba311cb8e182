package io.quorate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/README.md "On plain VMs (systemd)", run on this machine without systemd: each unit's {@code ExecStart}
 * with its {@code Environment=} lines and its environment file from {@code deploy/systemd}, changing only what
 * the README tells an operator to edit (database URL, tokens, addresses, ports) and the install paths
 * ({@code /usr/bin/java}, {@code /opt/quorate/*.jar}, {@code /var/lib/<StateDirectory>}) to this build's. Two
 * coordinators form a cluster from their files, a probe links, the README's "Checking it works" requests answer
 * as it shows, and SIGTERM ends each process with a status the unit accepts, within its {@code TimeoutStopSec}.
 */
class SystemdUnitsIT {
  private static final Path DIR = Path.of("target", "systemd-it").toAbsolutePath();
  private static final Duration START = Duration.ofSeconds(120);
  private static final Secret ADMIN = new Secret("systemd-it-admin-token");
  private static final Secret PROBE = new Secret("systemd-it-probe-token");
  private static Path root;
  private static LocalDatabase database;
  private static final List<JarProcess> processes = new ArrayList<>();

  @BeforeAll
  static void startDatabase() throws Exception {
    root = repositoryRoot();
    JarProcess.killLeftovers(DIR.resolve("logs"));
    Files.createDirectories(DIR.resolve("logs"));
    database = LocalDatabase.start(DIR, DIR.resolve("logs").resolve("postgres.log"));
  }

  @AfterAll
  static void stopEverything() throws Exception {
    processes.stream().filter(JarProcess::alive).forEach(JarProcess::kill);
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theUnitsAndTheirEnvironmentFilesRunAClusterAndAProbe() throws Exception {
    SystemdUnit coordinatorUnit = SystemdUnit.read(root.resolve("deploy/systemd/quorate-coordinator.service"));
    SystemdUnit probeUnit = SystemdUnit.read(root.resolve("deploy/systemd/quorate-probe.service"));
    int[] http = {RegionalStack.freePort(), RegionalStack.freePort()};
    int[] grpc = {RegionalStack.freePort(), RegionalStack.freePort()};
    int[] cluster = {RegionalStack.freePort(), RegionalStack.freePort()};
    for (int i = 0; i < 2; i++) {
      int other = 1 - i;
      start("coordinator-" + (i + 1), coordinatorUnit, "quorate-coordinator.env", Map.of(
          "QUORATE_DB_URL", database.url(), "QUORATE_ADMIN_TOKEN", ADMIN.reveal(), "QUORATE_PROBE_TOKEN", PROBE.reveal(),
          "QUORATE_PUBLIC_URL", "http://127.0.0.1:" + http[i], "QUORATE_HTTP_PORT", String.valueOf(http[i]),
          "QUORATE_GRPC_PORT", String.valueOf(grpc[i]), "QUORATE_CLUSTER_HOST", "127.0.0.1",
          "QUORATE_CLUSTER_PORT", String.valueOf(cluster[i]),
          "QUORATE_CLUSTER_MEMBERS", "127.0.0.1:" + cluster[other], "QUORATE_NODE_ID", "coordinator-" + (i + 1)));
    }
    int probeHttp = RegionalStack.freePort();
    JarProcess probe = start("probe-eu-west", probeUnit, "quorate-probe.env", Map.of(
        "QUORATE_COORDINATOR", "127.0.0.1:" + grpc[0] + ",127.0.0.1:" + grpc[1],
        "QUORATE_PROBE_TOKEN", PROBE.reveal(), "QUORATE_HTTP_PORT", String.valueOf(probeHttp)));

    // deploy/README.md "Checking it works".
    String coordinator = "http://127.0.0.1:" + http[0];
    ItWait.until(START, "both coordinators in one cluster, eu-west linked to either (logs: " + DIR.resolve("logs")
        + ")", () -> {
          JsonObject health = ItHttp.get(coordinator + "/health", null).json();
          return "up".equals(health.getString("status")) && health.getInteger("cluster_members", 0) == 2
              && (linked(http[0], "eu-west") || linked(http[1], "eu-west"));
        });
    assertEquals("coordinator-1", ItHttp.get(coordinator + "/health", null).json().getString("node"));
    JsonObject euWest = ItHttp.get(coordinator + "/api/v1/probes", ADMIN).json().getJsonArray("regions")
        .getJsonObject(0);
    assertEquals("eu-west", euWest.getString("region"), "the region of the probe's environment file");
    assertEquals("healthy", euWest.getString("state"), euWest.encode());
    assertEquals(true, euWest.getBoolean("votes"), euWest.encode());
    JsonObject probeHealth = ItHttp.get("http://127.0.0.1:" + probeHttp + "/health", null).json();
    assertEquals("up", probeHealth.getString("status"), probeHealth.encode());
    assertEquals("eu-west", probeHealth.getString("region"), probeHealth.encode());
    assertEquals("connected", probeHealth.getString("link"), probeHealth.encode());
    assertTrue(Files.isDirectory(stateDirectory(probeUnit).resolve("spool")),
        "the spool is in the unit's StateDirectory (Environment=QUORATE_SPOOL_DIR)");

    // systemctl stop: SIGTERM, then SIGKILL after TimeoutStopSec; the exit must count as a success.
    stopAsSystemdWould(probe, probeUnit);
    for (JarProcess process : processes.subList(0, 2)) {
      stopAsSystemdWould(process, coordinatorUnit);
    }
  }

  /** Whether the coordinator on this HTTP port has a probe of the region linked to it (each node lists its own). */
  private static boolean linked(int httpPort, String region) {
    return ItHttp.get("http://127.0.0.1:" + httpPort + "/health", null).json()
        .getJsonArray("probe_regions_connected", new io.vertx.core.json.JsonArray()).contains(region);
  }

  /**
   * Runs the unit's ExecStart with its environment: the file's values, the operator's edits over them (each must
   * name a variable the file has, as the README says to edit the file), then the unit's own Environment= lines.
   */
  private static JarProcess start(String name, SystemdUnit unit, String envFile, Map<String, String> edits)
      throws Exception {
    Map<String, String> environment = new LinkedHashMap<>(
        SystemdUnit.readEnvironmentFile(root.resolve("deploy/systemd").resolve(envFile)));
    assertEquals("/etc/quorate/" + envFile, unit.environmentFile().toString(), "the README installs it there");
    for (Map.Entry<String, String> edit : edits.entrySet()) {
      assertTrue(environment.containsKey(edit.getKey()), envFile + " has " + edit.getKey() + " for the operator to set");
      environment.put(edit.getKey(), edit.getValue());
    }
    unit.environment().forEach((key, value) -> environment.put(key, installed(value, unit)));
    Map<String, Secret> passed = new LinkedHashMap<>();
    environment.forEach((key, value) -> passed.put(key, new Secret(value)));
    List<String> command = unit.execStart().stream().map(word -> installed(word, unit)).toList();
    JarProcess process = new JarProcess(new ChildSpec(name, command, passed), DIR.resolve("logs"));
    process.launch();
    processes.add(process);
    return process;
  }

  /** An install path of the README mapped to this machine's: the JVM running the test, the built jars, a temp state dir. */
  private static String installed(String word, SystemdUnit unit) {
    if (word.equals("/usr/bin/java")) {
      return ChildCommands.currentJava().toString();
    }
    if (word.startsWith("/opt/quorate/")) {
      return root.resolve(word.endsWith("coordinator.jar") ? JarLocator.COORDINATOR_JAR : JarLocator.PROBE_JAR).toString();
    }
    String stateDir = "/var/lib/" + unit.stateDirectory();
    return word.startsWith(stateDir) ? stateDirectory(unit) + word.substring(stateDir.length()) : word;
  }

  private static Path stateDirectory(SystemdUnit unit) {
    return DIR.resolve("var-lib").resolve(unit.stateDirectory());
  }

  private static void stopAsSystemdWould(JarProcess process, SystemdUnit unit) {
    process.terminate();
    int status = process.awaitExit(Duration.ofSeconds(unit.timeoutStopSeconds()));
    assertTrue(status == 0 || unit.successExitStatus().contains(status),
        process.name() + " exited " + status + ", which the unit counts as a failure; log: " + process.logFile());
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/systemd"))) {
      dir = dir.getParent();
    }
    return Optional.ofNullable(dir).orElseThrow(() -> new AssertionError("no deploy/systemd above " + Path.of("")
        .toAbsolutePath()));
  }
}
