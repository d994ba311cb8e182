package io.quorate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarLocatorTest {
  @TempDir
  Path repo;

  @Test
  void findsTheBuiltJarsFromASubdirectoryOfTheRepository() throws Exception {
    repository(true);

    JarLocator.Jars jars = JarLocator.locate(Optional.empty(), repo.resolve("deploy/local"), Optional.empty());

    assertEquals(repo.resolve(JarLocator.COORDINATOR_JAR), jars.coordinator());
    assertEquals(repo.resolve(JarLocator.PROBE_JAR), jars.probeNode());
  }

  @Test
  void findsTheRepositoryFromTheLaunchersOwnJarWhenStartedElsewhere(@TempDir Path elsewhere) throws Exception {
    repository(true);

    JarLocator.Jars jars = JarLocator.locate(Optional.empty(), elsewhere, Optional.of(repo.resolve("deploy/local/target")));

    assertEquals(repo.resolve(JarLocator.COORDINATOR_JAR), jars.coordinator());
  }

  @Test
  void saysHowToBuildWhenTheRepositoryHasNoJarsYet() throws Exception {
    repository(false);

    LaunchException e = assertThrows(LaunchException.class,
        () -> JarLocator.locate(Optional.empty(), repo, Optional.empty()));

    assertTrue(e.getMessage().contains("mvn -B -ntp package -DskipTests"), e.getMessage());
    assertTrue(e.getMessage().contains("coordinator.jar"), e.getMessage());
  }

  @Test
  void takesAJarsDirHoldingBothJars(@TempDir Path jarsDir) throws Exception {
    Files.writeString(jarsDir.resolve("coordinator.jar"), "jar");
    Files.writeString(jarsDir.resolve("probe-node.jar"), "jar");

    JarLocator.Jars jars = JarLocator.locate(Optional.of(jarsDir), repo, Optional.empty());

    assertEquals(jarsDir.resolve("probe-node.jar"), jars.probeNode());
  }

  @Test
  void refusesAJarsDirWithoutTheJars(@TempDir Path jarsDir) {
    LaunchException e = assertThrows(LaunchException.class,
        () -> JarLocator.locate(Optional.of(jarsDir), repo, Optional.empty()));

    assertTrue(e.getMessage().startsWith("--jars-dir "), e.getMessage());
  }

  private void repository(boolean built) throws IOException {
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    Files.createDirectories(repo.resolve("coordinator/target"));
    Files.createDirectories(repo.resolve("probe-node/target"));
    Files.createDirectories(repo.resolve("deploy/local/target"));
    if (built) {
      Files.writeString(repo.resolve(JarLocator.COORDINATOR_JAR), "jar");
      Files.writeString(repo.resolve(JarLocator.PROBE_JAR), "jar");
    }
  }
}
