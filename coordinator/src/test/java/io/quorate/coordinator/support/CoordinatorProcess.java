package io.quorate.coordinator.support;

import io.quorate.coordinator.config.EnvironmentAndFileDefaults;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One coordinator node as its own operating-system process, started from the test's classpath and configured
 * through the environment as an operator would. {@link #kill()} is SIGKILL: no shutdown hook runs, sends and
 * transactions under way are cut off mid-flight, sockets close as the kernel tears them down. Standard
 * output and error go to a file per launch under {@code target/coordinator-processes/}.
 */
public final class CoordinatorProcess {
  private final String nodeId;
  private final int httpPort;
  private final int grpcPort;
  private final int clusterPort;
  private final Map<String, String> environment;
  private final Path logDir;
  private Process process;
  private Path logFile;
  private int launches;

  /**
   * @param settings more coordinator options by their long name without dashes ({@code delivery-claim} →
   *     {@code QUORATE_DELIVERY_CLAIM})
   */
  CoordinatorProcess(String nodeId, int clusterPort, List<Integer> otherClusterPorts, TestDatabase db,
      Map<String, String> settings, Path logDir) {
    this.nodeId = nodeId;
    this.httpPort = TestCluster.freePort();
    this.grpcPort = TestCluster.freePort();
    this.clusterPort = clusterPort;
    this.logDir = logDir;
    this.environment = new TreeMap<>();
    settings.forEach((option, value) -> environment.put(EnvironmentAndFileDefaults.environmentName(option), value));
    environment.put("QUORATE_NODE_ID", nodeId);
    environment.put("QUORATE_HTTP_HOST", "127.0.0.1");
    environment.put("QUORATE_HTTP_PORT", Integer.toString(httpPort));
    environment.put("QUORATE_GRPC_PORT", Integer.toString(grpcPort));
    environment.put("QUORATE_CLUSTER_HOST", "127.0.0.1");
    environment.put("QUORATE_CLUSTER_PORT", Integer.toString(clusterPort));
    environment.put("QUORATE_CLUSTER_MEMBERS", String.join(",",
        otherClusterPorts.stream().map(port -> "127.0.0.1:" + port).toList()));
    environment.put("QUORATE_DB_URL", db.url());
    environment.put("QUORATE_ADMIN_TOKEN", TestCluster.ADMIN_TOKEN);
    environment.put("QUORATE_PROBE_TOKEN", TestCluster.PROBE_TOKEN);
  }

  /** Starts the process (again, after a kill: same node id and ports); returns without waiting for it to serve. */
  public synchronized void launch() {
    if (alive()) {
      throw new IllegalStateException(nodeId + " is running");
    }
    launches++;
    logFile = logDir.resolve(nodeId + "-launch" + launches + ".log");
    List<String> command = command();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("QUORATE_")); // only what this node is given
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(logDir);
      Files.writeString(logFile, "launched at " + Instant.now() + ": " + String.join(" ", command) + "\n"
          + "environment: " + environment.keySet() + "\n");
      process = builder.start(); // stdin stays a pipe: the child's watchdog exits when this JVM goes
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + nodeId, e);
    }
  }

  /**
   * The JVM flags this test JVM got from Surefire that a coordinator needs too (Hazelcast's module openings,
   * its test properties), small heaps, and a JIT that starts fast: four JVMs share two cores.
   */
  private List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-") || flag.startsWith("-Dhazelcast.")) {
        command.add(flag);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildCoordinatorMain.class.getName()));
    return command;
  }

  /** Waits until the node answers {@code /health} with this many cluster members. */
  public void awaitServing(Duration timeout, int clusterMembers) {
    Eventually.until(timeout, nodeId + " serving in a cluster of " + clusterMembers + " (log: " + logFile + ")", () -> {
      if (!alive()) {
        throw new AssertionError(nodeId + " exited with " + process.exitValue() + "; log: " + logFile
            + "; its last lines:\n" + logTail());
      }
      JsonObject health = health();
      return health != null && health.getInteger("cluster_members") == clusterMembers;
    });
  }

  /** The end of this launch's log, so a failure seen only in CI's output still shows why the node stopped. */
  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.min(lines.size(), Math.max(1, lines.size() - 40)), lines.size()));
    } catch (IOException | RuntimeException unreadable) {
      return "(unreadable: " + unreadable + ")";
    }
  }

  /**
   * SIGKILL, and waits until the process is gone.
   *
   * @return when it was gone: whatever it sent may have arrived until then, nothing it sent arrives after
   */
  public Instant kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return Instant.now();
  }

  public synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** The node's {@code /health} answer, or null when it does not answer. */
  public JsonObject health() {
    try {
      Api.Response response = new Api(httpPort, null).get("/health");
      return response.status() == 200 ? response.json() : null;
    } catch (RuntimeException notServing) {
      return null;
    }
  }

  /** Probe regions linked to this node right now (none when it is down). */
  public int regionsLinked() {
    JsonObject health = alive() ? health() : null;
    return health == null ? 0 : health.getJsonArray("probe_regions_connected").size();
  }

  public Api api() {
    return new Api(httpPort, TestCluster.ADMIN_TOKEN);
  }

  public String nodeId() {
    return nodeId;
  }

  public String grpcAddress() {
    return "127.0.0.1:" + grpcPort;
  }

  public Path logFile() {
    return logFile;
  }
}
