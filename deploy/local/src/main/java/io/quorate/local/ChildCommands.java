package io.quorate.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The command lines of the coordinators and probe nodes, following the options in docs/CONTRACTS.md. Tokens
 * go through the environment (every option also reads {@code QUORATE_<OPTION>}), not the command line.
 */
final class ChildCommands {
  private final Optional<Path> setsid;
  private final Path java;
  private final List<String> jvmFlags;
  private final JarLocator.Jars jars;
  private final Topology topology;
  private final String dbUrl;
  private final Path dataDir;
  private final TokenStore.Tokens tokens;

  ChildCommands(Optional<Path> setsid, Path java, List<String> jvmFlags, JarLocator.Jars jars, Topology topology, String dbUrl, Path dataDir,
      TokenStore.Tokens tokens) {
    this.setsid = setsid;
    this.java = java;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.jars = jars;
    this.topology = topology;
    this.dbUrl = dbUrl;
    this.dataDir = dataDir;
    this.tokens = tokens;
  }

  /** The {@code java} of the JVM running the launcher. */
  static Path currentJava() {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
  }

  /**
   * {@code setsid}, where the system has it (Linux). Children started through it are outside the terminal's
   * process group, so Ctrl-C reaches only the launcher, which then stops the probes before the
   * coordinators. Without it (macOS) Ctrl-C reaches every child at once and the order is best effort.
   */
  static Optional<Path> findSetsid() {
    return Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /**
   * The Hazelcast {@code --add-opens} flags, copied at build time from the parent pom's
   * {@code hazelcast.jvm.flags}. The jars' manifests carry them too, so an unfiltered file only costs a warning.
   */
  static List<String> hazelcastFlags() {
    Properties properties = new Properties();
    try (InputStream in = ChildCommands.class.getResourceAsStream("/launcher.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return List.of();
    }
    String flags = properties.getProperty("hazelcast.jvm.flags", "").trim();
    return flags.isEmpty() || flags.contains("${") ? List.of() : Arrays.asList(flags.split("\\s+"));
  }

  ChildSpec coordinator(Topology.Coordinator node) {
    List<String> command = jvm(jars.coordinator());
    command.addAll(List.of(
        "--http-host", "127.0.0.1",
        "--http-port", String.valueOf(node.httpPort()),
        "--grpc-port", String.valueOf(node.grpcPort()),
        "--db-url", dbUrl,
        "--data-dir", dataDir.resolve(node.name()).toString(),
        "--cluster-host", "127.0.0.1",
        "--cluster-port", String.valueOf(node.clusterPort()),
        "--cluster-members", topology.clusterMembers(),
        "--node-id", node.name(),
        "--public-url", "http://localhost:" + node.httpPort(),
        "--ping-url", topology.pingUrl()));
    return new ChildSpec(node.name(), command,
        Map.of("QUORATE_ADMIN_TOKEN", tokens.admin(), "QUORATE_PROBE_TOKEN", tokens.probe()));
  }

  static final String LOOPBACK = "127.0.0.0/8,::1/128";

  ChildSpec probe(Topology.Probe node) {
    List<String> command = jvm(jars.probeNode());
    command.addAll(List.of(
        "--region", node.region(),
        "--coordinator", topology.grpcTargets(),
        "--http-host", "127.0.0.1",
        "--http-port", String.valueOf(node.httpPort()),
        "--node-id", node.name(),
        // Pings accepted while a coordinator is away wait here, and survive a restart of the probe.
        "--spool-dir", dataDir.resolve(node.name()).resolve("spool").toString(),
        // The demo queue listens on loopback, which a probe refuses unless its own config allows it.
        "--allow-targets", LOOPBACK));
    return new ChildSpec(node.name(), command, Map.of("QUORATE_PROBE_TOKEN", tokens.probe()));
  }

  private List<String> jvm(Path jar) {
    List<String> command = new ArrayList<>();
    setsid.ifPresent(path -> command.add(path.toString()));
    command.add(java.toString());
    command.add("-Xmx256m");
    // Six JVMs share one laptop: the serial collector keeps each one's threads and footprint small.
    command.add("-XX:+UseSerialGC");
    command.addAll(jvmFlags);
    command.add("-Dhazelcast.phone.home.enabled=false");
    command.add("-jar");
    command.add(jar.toString());
    return command;
  }
}
