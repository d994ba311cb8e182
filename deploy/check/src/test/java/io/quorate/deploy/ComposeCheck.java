package io.quorate.deploy;

import static io.quorate.deploy.Yamls.at;
import static io.quorate.deploy.Yamls.environment;
import static io.quorate.deploy.Yamls.list;
import static io.quorate.deploy.Yamls.map;
import static io.quorate.deploy.Yamls.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/compose/compose.yaml}: each Quorate service runs an image the Dockerfiles build, with real
 * options and ports; probes and cluster members point at coordinator services on their real ports; every
 * variable the file requires is in {@code .env.example}.
 */
final class ComposeCheck {
  /** Images from elsewhere that the compose file may use. */
  static final Set<String> THIRD_PARTY_IMAGES = Set.of("postgres:16");
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?\\?[^}]*)?}");

  private ComposeCheck() {}

  static void check(Problems problems) {
    Path file = RepositoryFiles.deploy("compose/compose.yaml");
    Map<String, Object> services = map(RepositoryFiles.yamlMap(file).get("services"));
    Map<String, QuorateProcess> processes = new LinkedHashMap<>();
    services.forEach((name, service) -> checkService(file, name, map(service), problems)
        .ifPresent(process -> processes.put(name, process)));
    processes.forEach((name, process) -> checkAddresses(name, process, services, processes, problems));
    checkRequiredVariables(file, problems);
  }

  private static java.util.Optional<QuorateProcess> checkService(Path file, String name, Map<String, Object> service,
      Problems problems) {
    String where = "deploy/compose/compose.yaml services." + name;
    String image = text(service.get("image"));
    java.util.Optional<QuorateProcess> found = QuorateProcess.byImage(image);
    if (found.isEmpty()) {
      if (!THIRD_PARTY_IMAGES.contains(image)) {
        problems.add(where, "image " + image + " is neither built by deploy/docker nor a known third-party image");
      }
      return found;
    }
    QuorateProcess process = found.get();
    ProcessUsage usage = new ProcessUsage(process, where, environment(service.get("environment")), problems);
    checkBuild(file, process, map(service.get("build")), where, problems);
    Matcher health = DockerfileCheck.URL_PORT.matcher(String.join(" ", list(at(service, "healthcheck", "test"))
        .stream().map(Yamls::text).toList()));
    while (health.find()) {
      usage.checkHttpPort(Integer.parseInt(health.group(1)), "healthcheck port");
    }
    for (Object published : list(service.get("ports"))) {
      String containerPort = text(published).replaceFirst("/.*", "").replaceFirst(".*:", "");
      usage.checkPort(Integer.parseInt(containerPort), "published container port");
    }
    usage.checkFlags(text(service.get("command")));
    // Compose waits 10 s before SIGKILL unless told otherwise.
    usage.checkStopTime(service.containsKey("stop_grace_period") ? text(service.get("stop_grace_period")) : "10s",
        "stop_grace_period");
    return found;
  }

  private static void checkBuild(Path file, QuorateProcess process, Map<String, Object> build, String where,
      Problems problems) {
    if (build.isEmpty()) {
      return;
    }
    Path context = file.getParent().resolve(text(build.get("context"))).normalize();
    if (!context.equals(RepositoryFiles.root())) {
      problems.add(where, "build context " + context + " is not the repository root the Dockerfiles COPY from");
    }
    String dockerfile = "deploy/docker/" + process.dockerfile();
    if (!text(build.get("dockerfile")).equals(dockerfile)) {
      problems.add(where, "builds " + process.image() + " with " + build.get("dockerfile") + ", not " + dockerfile);
    }
  }

  /** Cluster members and probes' coordinators are coordinator services, on those services' ports. */
  private static void checkAddresses(String name, QuorateProcess process, Map<String, Object> services,
      Map<String, QuorateProcess> processes, Problems problems) {
    String where = "deploy/compose/compose.yaml services." + name;
    Map<String, String> environment = environment(at(services, name, "environment"));
    String variable = process == QuorateProcess.COORDINATOR ? "QUORATE_CLUSTER_MEMBERS" : "QUORATE_COORDINATOR";
    String portOption = process == QuorateProcess.COORDINATOR ? "--cluster-port" : "--grpc-port";
    for (String address : environment.getOrDefault(variable, "").split(",")) {
      if (address.isBlank()) {
        continue;
      }
      String host = address.strip().replaceFirst(":[^:]*$", "");
      if (processes.get(host) != QuorateProcess.COORDINATOR) {
        problems.add(where, variable + " names " + host + ", which is not a coordinator service");
        continue;
      }
      ProcessUsage.checkAddressPorts(where, problems, address, QuorateProcess.COORDINATOR, portOption,
          environment(at(services, host, "environment")));
    }
  }

  private static void checkRequiredVariables(Path file, Problems problems) {
    Path example = file.resolveSibling(".env.example");
    Set<String> provided = Files.isRegularFile(example) ? RepositoryFiles.envFile(example).keySet() : Set.of();
    Matcher required = REQUIRED_VARIABLE.matcher(RepositoryFiles.read(file));
    while (required.find()) {
      if (!provided.contains(required.group(1))) {
        problems.add("deploy/compose/.env.example", "lacks " + required.group(1) + ", which compose.yaml requires");
      }
    }
  }
}
