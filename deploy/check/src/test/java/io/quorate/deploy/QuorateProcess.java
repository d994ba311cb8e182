package io.quorate.deploy;

import io.quorate.coordinator.CoordinatorMain;
import io.quorate.probe.ProbeMain;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The two programs the deploy files run, with what the code says about them: their options (from the
 * picocli specs of the main classes, so an option added or renamed in the code is seen here), the
 * environment variable of each option, their default ports, and the image, Dockerfile and Maven module
 * that package them.
 */
enum QuorateProcess {
  COORDINATOR("coordinator", CoordinatorMain.class, CoordinatorMain::new,
      "io.quorate.coordinator.config.EnvironmentAndFileDefaults", "--shutdown-grace"),
  PROBE_NODE("probe-node", ProbeMain.class, ProbeMain::new, "io.quorate.probe.EnvironmentAndFileDefaults",
      "--drain-timeout");

  /** What a process needs after its graceful stop time to close its servers and exit. */
  static final Duration CLOSE_MARGIN = Duration.ofSeconds(10);

  /** Images of the project are named {@code quorate/<module>}; built by {@code deploy/docker/<module>.Dockerfile}. */
  static final String IMAGE_PREFIX = "quorate/";

  final String module;
  final Class<?> mainClass;
  private final Supplier<Object> newMain;
  private final String defaultsClass;
  /** The option bounding a graceful stop: handing probes over, draining the spool. */
  final String stopOption;

  QuorateProcess(String module, Class<?> mainClass, Supplier<Object> newMain, String defaultsClass,
      String stopOption) {
    this.module = module;
    this.mainClass = mainClass;
    this.newMain = newMain;
    this.defaultsClass = defaultsClass;
    this.stopOption = stopOption;
  }

  String image() {
    return IMAGE_PREFIX + module;
  }

  String dockerfile() {
    return module + ".Dockerfile";
  }

  /** Long option name ({@code --http-port}) to its spec, with the default the code starts with. */
  Map<String, OptionSpec> options() {
    Map<String, OptionSpec> options = new TreeMap<>();
    for (OptionSpec option : CommandSpec.forAnnotatedObject(newMain.get()).options()) {
      options.put(option.longestName(), option);
    }
    return options;
  }

  /** {@code QUORATE_HTTP_PORT} to {@code --http-port}, by the process's own naming rule. */
  Map<String, String> environmentNames() {
    Map<String, String> names = new TreeMap<>();
    options().keySet().forEach(option -> names.put(environmentName(option), option));
    return names;
  }

  /** The ports the process listens on with this environment: each {@code --*-port}, set or default. */
  Set<Integer> ports(Map<String, String> environment) {
    Set<Integer> ports = new TreeSet<>();
    options().keySet().stream().filter(option -> option.endsWith("-port"))
        .forEach(option -> port(option, environment).ifPresent(ports::add));
    return ports;
  }

  /** The value of a port option with this environment, or its default in the code. */
  Optional<Integer> port(String option, Map<String, String> environment) {
    String set = environment.get(environmentName(option));
    if (set != null && set.matches("\\d+")) {
      return Optional.of(Integer.parseInt(set));
    }
    OptionSpec spec = options().get(option);
    Object initial = spec == null ? null : spec.initialValue();
    return initial instanceof Integer value ? Optional.of(value) : Optional.empty();
  }

  /** How long a SIGTERM may take to end the process with this environment: its stop option and the close margin. */
  Optional<Duration> stopTime(Map<String, String> environment) {
    String set = environment.get(environmentName(stopOption));
    OptionSpec spec = options().get(stopOption);
    String value = set != null ? set : spec == null ? null : String.valueOf(spec.initialValue());
    return Durations.parse(value).map(CLOSE_MARGIN::plus);
  }

  int httpPort(Map<String, String> environment) {
    return port("--http-port", environment).orElseThrow();
  }

  static Optional<QuorateProcess> byImage(String image) {
    String repository = image.replaceFirst(":[^:/]*$", "");
    for (QuorateProcess process : values()) {
      if (process.image().equals(repository)) {
        return Optional.of(process);
      }
    }
    return Optional.empty();
  }

  static Optional<QuorateProcess> byJarName(String jarFileName) {
    for (QuorateProcess process : values()) {
      if (jarFileName.equals(RepositoryFiles.finalJarName(process))) {
        return Optional.of(process);
      }
    }
    return Optional.empty();
  }

  private String environmentName(String longOption) {
    try {
      Method method = Class.forName(defaultsClass).getDeclaredMethod("environmentName", String.class);
      method.setAccessible(true); // package-private in the probe node
      return (String) method.invoke(null, longOption);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(defaultsClass + ".environmentName(String) is gone: update this check", e);
    }
  }
}
