package io.quorate.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Three coordinators and three probe nodes, each its own JVM started from the built jars with the command
 * lines of the local launcher ({@link ChildCommands}), sharing one embedded PostgreSQL passed by
 * {@code --db-url}. Ports are free ones; data and logs go under {@code target/regional-it/}.
 */
final class RegionalStack implements AutoCloseable {
  static final List<String> REGIONS = Topology.REGIONS;
  private static final Set<Integer> HANDED_OUT = new HashSet<>(); // guarded by freePort's lock
  private static final Path DIR = Path.of("target", "regional-it").toAbsolutePath();
  final TokenStore.Tokens tokens;
  final LocalDatabase database;
  final List<CoordinatorProcess> coordinators = new ArrayList<>();
  final List<ProbeProcess> probes = new ArrayList<>();

  private RegionalStack(LocalDatabase database, Topology topology, ChildCommands commands, TokenStore.Tokens tokens) {
    this.database = database;
    this.tokens = tokens;
    Path logs = DIR.resolve("logs");
    topology.coordinators().forEach(node ->
        coordinators.add(new CoordinatorProcess(node, new JarProcess(commands.coordinator(node), logs))));
    topology.probes().forEach(node -> probes.add(new ProbeProcess(node, new JarProcess(commands.probe(node), logs))));
  }

  /** Where the stack keeps its files (logs, PostgreSQL, files the test writes). */
  static Path dir() {
    return DIR;
  }

  /** Starts PostgreSQL; the processes are launched by the test, in the order it chooses. */
  static RegionalStack prepare() throws Exception {
    JarProcess.killLeftovers(DIR.resolve("logs"));
    stopLeftoverPostgres(DIR.resolve("pg"));
    deleteRecursively(DIR);
    Files.createDirectories(DIR.resolve("logs"));
    JarLocator.Jars jars = JarLocator.locate(Optional.empty(), Path.of(""), Optional.empty());
    Topology topology = freeTopology();
    LocalDatabase database = LocalDatabase.start(DIR, DIR.resolve("logs").resolve("postgres.log"));
    List<String> jvmFlags = new ArrayList<>(ChildCommands.hazelcastFlags());
    // Six JVMs share two cores: a JIT that starts fast, and a second node that joins at once.
    jvmFlags.addAll(List.of("-XX:TieredStopAtLevel=1", "-Dhazelcast.wait.seconds.before.join=0"));
    TokenStore.Tokens tokens = new TokenStore.Tokens(new Secret("it-admin-token"), new Secret("it-probe-token"),
        new Secret("it-admin-password"));
    ChildCommands commands = new ChildCommands(Optional.empty(), ChildCommands.currentJava(), jvmFlags, jars, topology,
        database.url(), DIR, tokens);
    return new RegionalStack(database, topology, commands, tokens);
  }

  private static Topology freeTopology() {
    List<Topology.Coordinator> coordinators = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      coordinators.add(new Topology.Coordinator("coordinator-" + i, freePort(), freePort(), freePort()));
    }
    List<Topology.Probe> probes = REGIONS.stream().map(region -> new Topology.Probe("probe-" + region, region, freePort()))
        .toList();
    return new Topology(0, coordinators, probes, 0, 0);
  }

  ItDatabase db() {
    return new ItDatabase(database.port());
  }

  /** A coordinator that is running, for API calls. */
  CoordinatorProcess anyAlive() {
    return coordinators.stream().filter(c -> c.process().alive()).findFirst()
        .orElseThrow(() -> new AssertionError("no coordinator is running"));
  }

  /** The coordinator most probes are linked to (the one whose stop moves them), once one has any. */
  CoordinatorProcess awaitMostLinked(Duration timeout) {
    CoordinatorProcess[] found = new CoordinatorProcess[1];
    ItWait.until(timeout, "a coordinator with probes linked", () -> {
      found[0] = coordinators.stream().filter(c -> c.process().alive())
          .max(Comparator.comparingInt(CoordinatorProcess::regionsLinked))
          .filter(c -> c.regionsLinked() > 0).orElse(null);
      return found[0] != null;
    });
    return found[0];
  }

  /** True when every probe is linked to a coordinator other than {@code leaving}. */
  boolean allProbesLinkedAwayFrom(CoordinatorProcess leaving) {
    return probes.stream().map(ProbeProcess::linkedTo)
        .allMatch(target -> target != null && !target.equals(leaving.grpcAddress()));
  }

  @Override
  public void close() throws IOException {
    probes.stream().map(ProbeProcess::process).filter(JarProcess::alive).forEach(JarProcess::kill);
    coordinators.stream().map(CoordinatorProcess::process).filter(JarProcess::alive).forEach(JarProcess::kill);
    database.close();
  }

  /**
   * A free port below Linux's ephemeral range (32768 and up), handed out once: a port from {@code bind(0)} could
   * become the local port of some outgoing connection before the child process binds it, and the child would die
   * on "address in use" (coordinator's {@code FreePorts} explains it at length).
   */
  static synchronized int freePort() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(10_000, 32_000);
      if (HANDED_OUT.add(port) && PortCheck.isFree(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port between 10000 and 32000");
  }

  /** A PostgreSQL left running by a test JVM that was killed outright: its pid is the first line of postmaster.pid. */
  private static void stopLeftoverPostgres(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    ProcessHandle.of(pid).filter(handle -> handle.info().command().map(c -> c.endsWith("postgres")).orElse(false))
        .ifPresent(handle -> {
          handle.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
          handle.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
