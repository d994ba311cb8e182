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
 * {@code deploy/docker/<module>.Dockerfile}: copies the jar Maven builds (module and shaded jar name from the
 * pom), runs the jar it copied, exposes and health-checks ports the process listens on, sets only real
 * options, and is built under the image name the other files use.
 */
final class DockerfileCheck {
  private static final Pattern PORT_WITH_DEFAULT = Pattern.compile("\\$\\{(QUORATE_[A-Z0-9_]+):-(\\d+)}");
  static final Pattern URL_PORT = Pattern.compile("https?://[^/:\\s\"]+:(\\d+)");

  private DockerfileCheck() {}

  static void check(QuorateProcess process, Problems problems) {
    Path file = RepositoryFiles.deploy("docker/" + process.dockerfile());
    String where = "deploy/docker/" + process.dockerfile();
    if (!Files.isRegularFile(file)) {
      problems.add(where, "missing: every Quorate image is built by deploy/docker/<module>.Dockerfile");
      return;
    }
    String text = RepositoryFiles.read(file);
    List<String> instructions = instructions(text);
    ProcessUsage usage = new ProcessUsage(process, where, environment(instructions), problems);
    checkBuildCommand(process, text, where, problems);
    checkJar(process, instructions, where, problems);
    checkRunsAsPlainUserWithHealthcheck(instructions, where, problems);
    for (String instruction : instructions) {
      String[] words = instruction.split("\\s+", 2);
      String rest = words.length > 1 ? words[1] : "";
      switch (words[0].toUpperCase()) {
        case "EXPOSE" -> exposedPorts(rest).forEach(port -> usage.checkPort(port, "EXPOSE"));
        case "HEALTHCHECK" -> checkHealthcheck(process, usage, rest, where, problems);
        case "ENTRYPOINT", "CMD" -> usage.checkFlags(rest);
        default -> { }
      }
    }
  }

  /** The Dockerfile's COPY of the built jar, the jar's Main-Class, and the ENTRYPOINT running that copy. */
  private static void checkJar(QuorateProcess process, List<String> instructions, String where, Problems problems) {
    String built = RepositoryFiles.builtJarPath(process);
    Optional<String> copiedTo = copyDestination(built, instructions, where, problems);
    if (copiedTo.isEmpty()) {
      problems.add(where, "no COPY of " + built);
    } else if (instructions.stream().noneMatch(i -> i.startsWith("ENTRYPOINT") && i.contains(copiedTo.get()))) {
      problems.add(where, "ENTRYPOINT does not run " + copiedTo.get());
    }
    if (!RepositoryFiles.jarMainClass(process).equals(process.mainClass.getName())) {
      problems.add(process.module + "/pom.xml", "the shaded jar's Main-Class is not " + process.mainClass.getName());
    }
    Path ignore = RepositoryFiles.root().resolve(".dockerignore");
    if (Files.isRegularFile(ignore) && RepositoryFiles.read(ignore).lines().noneMatch(("!" + built)::equals)) {
      problems.add(".dockerignore", "does not let " + built + " into the build context");
    }
  }

  /** Where the Dockerfile copies the built jar to; every COPY from the build context must copy it. */
  private static Optional<String> copyDestination(String built, List<String> instructions, String where,
      Problems problems) {
    Optional<String> destination = Optional.empty();
    for (String instruction : instructions) {
      String[] words = instruction.split("\\s+");
      if (words[0].equalsIgnoreCase("COPY") && !instruction.contains("--from")) {
        if (words[1].equals(built)) {
          destination = Optional.of(words[words.length - 1]);
        } else {
          problems.add(where, "COPY " + words[1] + " is not what Maven builds (" + built + ")");
        }
      }
    }
    return destination;
  }

  private static void checkRunsAsPlainUserWithHealthcheck(List<String> instructions, String where,
      Problems problems) {
    Optional<String> user = instructions.stream().filter(i -> i.toUpperCase().startsWith("USER "))
        .reduce((first, last) -> last).map(i -> i.substring(5).strip());
    if (user.isEmpty() || user.get().matches("(root|0)(:.*)?")) {
      problems.add(where, "the process would run as root: the last USER must be a plain user");
    }
    if (instructions.stream().noneMatch(i -> i.toUpperCase().startsWith("HEALTHCHECK "))) {
      problems.add(where, "no HEALTHCHECK");
    }
  }

  /** The header says how to build the image, under the name compose and Kubernetes refer to. */
  private static void checkBuildCommand(QuorateProcess process, String text, String where, Problems problems) {
    String build = "docker build -f deploy/docker/" + process.dockerfile() + " -t " + process.image() + ":";
    if (!text.contains(build)) {
      problems.add(where, "does not document \"" + build + "<version> .\"");
    }
  }

  private static void checkHealthcheck(QuorateProcess process, ProcessUsage usage, String healthcheck, String where,
      Problems problems) {
    if (!healthcheck.contains("/health")) {
      problems.add(where, "HEALTHCHECK does not ask /health");
    }
    Matcher withDefault = PORT_WITH_DEFAULT.matcher(healthcheck);
    while (withDefault.find()) {
      String option = process.environmentNames().get(withDefault.group(1));
      if (!"--http-port".equals(option)) {
        problems.add(where, "HEALTHCHECK takes its port from " + withDefault.group(1) + ", not QUORATE_HTTP_PORT");
      }
      usage.checkHttpPort(Integer.parseInt(withDefault.group(2)), "HEALTHCHECK default port");
    }
    Matcher literal = URL_PORT.matcher(healthcheck);
    while (literal.find()) {
      usage.checkHttpPort(Integer.parseInt(literal.group(1)), "HEALTHCHECK port");
    }
  }

  /** Instructions with line continuations joined and comments left out. */
  private static List<String> instructions(String text) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.lines().toList()) {
      if (line.strip().startsWith("#") || line.isBlank()) {
        continue;
      }
      current.append(line.strip());
      if (line.endsWith("\\")) {
        current.setLength(current.length() - 1);
        current.append(' ');
      } else {
        instructions.add(current.toString());
        current.setLength(0);
      }
    }
    return instructions;
  }

  private static Map<String, String> environment(List<String> instructions) {
    Map<String, String> environment = new LinkedHashMap<>();
    instructions.stream().filter(i -> i.toUpperCase().startsWith("ENV ")).forEach(i -> {
      for (String pair : i.substring(4).strip().split("\\s+")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          environment.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
      }
    });
    return environment;
  }

  private static List<Integer> exposedPorts(String ports) {
    List<Integer> numbers = new ArrayList<>();
    for (String port : ports.split("\\s+")) {
      numbers.add(Integer.parseInt(port.replaceFirst("/.*", "")));
    }
    return numbers;
  }
}
