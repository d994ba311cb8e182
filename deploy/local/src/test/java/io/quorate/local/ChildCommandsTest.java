package io.quorate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChildCommandsTest {
  private final TokenStore.Tokens tokens = new TokenStore.Tokens(new Secret("admin-secret"), new Secret("probe-secret"),
      new Secret("admin-password"));
  private Topology topology;
  private ChildCommands commands;

  @BeforeEach
  void setUp() throws Exception {
    topology = Topology.withBasePort(8080);
    commands = new ChildCommands(Optional.empty(), Path.of("/jdk/bin/java"), List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED"),
        new JarLocator.Jars(Path.of("/repo/coordinator.jar"), Path.of("/repo/probe-node.jar")), topology,
        "postgresql://postgres:postgres@localhost:5555/postgres", Path.of("/data"), tokens);
  }

  @Test
  void coordinatorsGetTheContractFlagsForTheirPorts() {
    ChildSpec spec = commands.coordinator(topology.coordinators().get(1));

    assertEquals("coordinator-2", spec.name());
    List<String> c = spec.command();
    assertEquals(List.of("/jdk/bin/java", "-Xmx256m"), c.subList(0, 2));
    assertTrue(c.containsAll(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED")));
    assertEquals("/repo/coordinator.jar", after(c, "-jar"));
    assertEquals("8082", after(c, "--http-port"));
    assertEquals("9092", after(c, "--grpc-port"));
    assertEquals("5702", after(c, "--cluster-port"));
    assertEquals("127.0.0.1:5701,127.0.0.1:5702", after(c, "--cluster-members"));
    assertEquals("postgresql://postgres:postgres@localhost:5555/postgres", after(c, "--db-url"));
    assertEquals("coordinator-2", after(c, "--node-id"));
    assertEquals("http://localhost:8181", after(c, "--ping-url"));
    assertEquals("admin-secret", spec.secretEnvironment().get("QUORATE_ADMIN_TOKEN").reveal());
    assertEquals("probe-secret", spec.secretEnvironment().get("QUORATE_PROBE_TOKEN").reveal());
  }

  @Test
  void probesGetTheirRegionPortAndEveryCoordinator() {
    ChildSpec spec = commands.probe(topology.probes().get(2));

    List<String> c = spec.command();
    assertEquals("/repo/probe-node.jar", after(c, "-jar"));
    assertEquals("ap-south", after(c, "--region"));
    assertEquals("8183", after(c, "--http-port"));
    assertEquals("127.0.0.1:9090,127.0.0.1:9092", after(c, "--coordinator"));
    assertEquals("127.0.0.0/8,::1/128", after(c, "--allow-targets"), "the demo queue is on loopback");
    assertTrue(after(c, "--spool-dir").endsWith("/spool"), "each probe keeps its own spool under the data dir");
    assertEquals("probe-secret", spec.secretEnvironment().get("QUORATE_PROBE_TOKEN").reveal());
    assertFalse(spec.secretEnvironment().containsKey("QUORATE_ADMIN_TOKEN"), "probes never see the admin token");
  }

  @Test
  void tokensNeverAppearOnACommandLine() {
    for (ChildSpec spec : List.of(commands.coordinator(topology.coordinators().get(0)), commands.probe(topology.probes().get(0)))) {
      String shown = String.join(" ", spec.command()) + " " + spec;
      assertFalse(shown.contains("admin-secret"), shown);
      assertFalse(shown.contains("probe-secret"), shown);
    }
  }

  @Test
  void childrenStartInTheirOwnSessionWhereSetsidExists() throws Exception {
    ChildCommands detached = new ChildCommands(Optional.of(Path.of("/usr/bin/setsid")), Path.of("/jdk/bin/java"),
        List.of(), new JarLocator.Jars(Path.of("/repo/coordinator.jar"), Path.of("/repo/probe-node.jar")), topology,
        "postgresql://postgres:postgres@localhost:5555/postgres", Path.of("/data"), tokens);

    assertEquals(List.of("/usr/bin/setsid", "/jdk/bin/java", "-Xmx256m"),
        detached.probe(topology.probes().get(0)).command().subList(0, 3));
  }

  @Test
  void theHazelcastFlagsComeFromTheParentPom() {
    List<String> flags = ChildCommands.hazelcastFlags();
    assertTrue(flags.contains("java.base/java.lang=ALL-UNNAMED"), flags.toString());
  }

  private static String after(List<String> command, String flag) {
    int i = command.indexOf(flag);
    assertTrue(i >= 0 && i + 1 < command.size(), flag + " in " + command);
    return command.get(i + 1);
  }
}
