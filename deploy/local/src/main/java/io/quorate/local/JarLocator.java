package io.quorate.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the coordinator and probe-node jars. With {@code --jars-dir DIR}: {@code DIR/coordinator.jar} and
 * {@code DIR/probe-node.jar}, or the repository layout under DIR. Without it: the repository root, found
 * by walking up from the current directory and then from where the launcher itself was loaded.
 */
final class JarLocator {
  static final String COORDINATOR_JAR = "coordinator/target/coordinator.jar";
  static final String PROBE_JAR = "probe-node/target/probe-node.jar";
  static final String BUILD_COMMAND = "mvn -B -ntp package -DskipTests";

  record Jars(Path coordinator, Path probeNode) {}

  private JarLocator() {}

  static Jars locate(Optional<Path> jarsDir, Path cwd, Optional<Path> launcherLocation) throws LaunchException {
    if (jarsDir.isPresent()) {
      return fromJarsDir(jarsDir.get().toAbsolutePath().normalize());
    }
    List<Path> starts = new ArrayList<>();
    starts.add(cwd.toAbsolutePath().normalize());
    launcherLocation.ifPresent(p -> starts.add(p.toAbsolutePath().normalize()));
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (isRepositoryRoot(dir)) {
          return fromRepository(dir);
        }
      }
    }
    throw new LaunchException("could not find the Quorate repository (looked upwards from " + String.join(" and ",
        starts.stream().map(Path::toString).toList()) + "). Run the launcher from the repository, or pass --jars-dir"
        + " pointing at a directory with coordinator.jar and probe-node.jar.");
  }

  /** The directory the launcher's classes were loaded from (its jar's directory), if it can be told. */
  static Optional<Path> launcherLocation() {
    try {
      var source = JarLocator.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()).getParent());
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isRepositoryRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("coordinator"))
        && Files.isDirectory(dir.resolve("probe-node"));
  }

  private static Jars fromRepository(Path root) throws LaunchException {
    Jars jars = new Jars(root.resolve(COORDINATOR_JAR), root.resolve(PROBE_JAR));
    List<String> missing = missing(jars);
    if (!missing.isEmpty()) {
      throw new LaunchException("found the repository at " + root + " but not " + String.join(" nor ", missing)
          + ". Build it first: (cd " + root + " && " + BUILD_COMMAND + "), or use deploy/local/run.sh which does.");
    }
    return jars;
  }

  private static Jars fromJarsDir(Path dir) throws LaunchException {
    Jars flat = new Jars(dir.resolve("coordinator.jar"), dir.resolve("probe-node.jar"));
    if (missing(flat).isEmpty()) {
      return flat;
    }
    Jars repository = new Jars(dir.resolve(COORDINATOR_JAR), dir.resolve(PROBE_JAR));
    if (missing(repository).isEmpty()) {
      return repository;
    }
    throw new LaunchException("--jars-dir " + dir + ": found neither coordinator.jar and probe-node.jar in it nor "
        + COORDINATOR_JAR + " and " + PROBE_JAR + " under it");
  }

  private static List<String> missing(Jars jars) {
    List<String> missing = new ArrayList<>();
    for (Path jar : List.of(jars.coordinator(), jars.probeNode())) {
      if (!Files.isRegularFile(jar)) {
        missing.add(jar.toString());
      }
    }
    return missing;
  }
}
