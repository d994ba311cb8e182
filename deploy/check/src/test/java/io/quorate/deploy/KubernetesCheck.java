package io.quorate.deploy;

import static io.quorate.deploy.Yamls.at;
import static io.quorate.deploy.Yamls.list;
import static io.quorate.deploy.Yamls.map;
import static io.quorate.deploy.Yamls.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code deploy/k8s}: every kustomization's resources, patches and generator files exist; containers run
 * Quorate images with real options, ports, probes and scrape annotations; Services, the headless Service
 * of the Hazelcast join and the PodDisruptionBudget select pods that exist, on ports those pods have;
 * overlays patch containers and variables that exist.
 */
final class KubernetesCheck {
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet");

  /** Everything read from all kustomizations, for the checks that cross files. */
  private final List<Manifest> manifests = new ArrayList<>();
  private final List<Manifest> patches = new ArrayList<>();
  private final Map<String, Set<String>> generatedSecretKeys = new HashMap<>();
  private final Problems problems;

  private record Manifest(String where, Map<String, Object> document) {
    String kind() {
      return text(document.get("kind"));
    }

    String name() {
      return text(at(document, "metadata", "name"));
    }
  }

  private record Container(Manifest workload, Map<String, Object> spec, QuorateProcess process,
      Map<String, String> environment, Map<String, Integer> namedPorts) {}

  private KubernetesCheck(Problems problems) {
    this.problems = problems;
  }

  static void check(Problems problems) {
    KubernetesCheck check = new KubernetesCheck(problems);
    RepositoryFiles.filesUnder(RepositoryFiles.deploy("k8s"), "kustomization.yaml").forEach(check::readKustomization);
    List<Container> containers = check.containers();
    containers.forEach(check::checkContainer);
    check.checkServices(containers);
    check.checkHazelcastJoin(containers);
    check.checkDisruptionBudgets(containers);
    check.checkPatches(containers);
  }

  private void readKustomization(Path file) {
    Path dir = file.getParent();
    String where = relative(file);
    Map<String, Object> kustomization = RepositoryFiles.yamlMap(file);
    for (Object resource : list(kustomization.get("resources"))) {
      Path path = dir.resolve(text(resource)).normalize();
      if (Files.isDirectory(path)) {
        if (!Files.isRegularFile(path.resolve("kustomization.yaml"))) {
          problems.add(where, "resource " + resource + " is a folder without kustomization.yaml");
        }
      } else if (!Files.isRegularFile(path)) {
        problems.add(where, "resource " + resource + " does not exist");
      } else {
        RepositoryFiles.yamlDocuments(path).forEach(d -> manifests.add(new Manifest(relative(path), map(d))));
      }
    }
    for (Object patch : list(kustomization.get("patches"))) {
      Path path = dir.resolve(text(map(patch).get("path"))).normalize();
      if (!Files.isRegularFile(path)) {
        problems.add(where, "patch " + map(patch).get("path") + " does not exist");
      } else {
        RepositoryFiles.yamlDocuments(path).forEach(d -> patches.add(new Manifest(relative(path), map(d))));
      }
    }
    for (Object generator : list(kustomization.get("secretGenerator"))) {
      readSecretGenerator(dir, where, map(generator));
    }
  }

  /** The env file holds secrets, so the repository has {@code <file>.example}; the operator makes the file from it. */
  private void readSecretGenerator(Path dir, String where, Map<String, Object> generator) {
    Set<String> keys = new java.util.TreeSet<>();
    for (Object env : list(generator.get("envs"))) {
      Path file = dir.resolve(text(env));
      Path example = dir.resolve(text(env) + ".example");
      Path source = Files.isRegularFile(example) ? example : file;
      if (!Files.isRegularFile(source)) {
        problems.add(where, "secretGenerator file " + env + " has no " + env + ".example to start from");
      } else {
        keys.addAll(RepositoryFiles.envFile(source).keySet());
      }
    }
    generatedSecretKeys.put(text(generator.get("name")), keys);
  }

  private List<Container> containers() {
    List<Container> containers = new ArrayList<>();
    for (Manifest manifest : manifests) {
      if (!WORKLOADS.contains(manifest.kind())) {
        continue;
      }
      for (Object item : list(at(manifest.document(), "spec", "template", "spec", "containers"))) {
        Map<String, Object> spec = map(item);
        String image = text(spec.get("image"));
        Optional<QuorateProcess> process = QuorateProcess.byImage(image);
        if (process.isEmpty()) {
          problems.add(manifest.where(), "image " + image + " is not built by deploy/docker");
          continue;
        }
        Map<String, String> environment = new LinkedHashMap<>();
        list(spec.get("env")).forEach(e -> environment.put(text(map(e).get("name")), text(map(e).get("value"))));
        Map<String, Integer> namedPorts = new HashMap<>();
        list(spec.get("ports")).forEach(p -> namedPorts.put(text(map(p).get("name")),
            (Integer) map(p).get("containerPort")));
        containers.add(new Container(manifest, spec, process.get(), environment, namedPorts));
      }
    }
    return containers;
  }

  private void checkContainer(Container container) {
    String where = container.workload().where() + " " + container.workload().name();
    ProcessUsage usage = new ProcessUsage(container.process(), where, container.environment(), problems);
    for (Object from : list(container.spec().get("envFrom"))) {
      String secret = text(at(from, "secretRef", "name"));
      Set<String> keys = generatedSecretKeys.get(secret);
      if (keys == null) {
        problems.add(where, "envFrom Secret " + secret + " is generated by no kustomization");
      } else {
        usage.checkEnvironmentNames(keys);
      }
    }
    container.namedPorts().values().forEach(port -> usage.checkPort(port, "containerPort"));
    for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
      Map<String, Object> httpGet = map(at(container.spec(), probe, "httpGet"));
      if (!httpGet.isEmpty()) {
        if (!"/health".equals(httpGet.get("path"))) {
          problems.add(where, probe + " does not ask /health");
        }
        port(container, httpGet.get("port"), where).ifPresent(port -> usage.checkHttpPort(port, probe + " port"));
      }
    }
    Map<String, Object> annotations = map(at(container.workload().document(), "spec", "template", "metadata",
        "annotations"));
    if (annotations.containsKey("prometheus.io/port")) {
      usage.checkHttpPort(Integer.parseInt(text(annotations.get("prometheus.io/port"))), "prometheus.io/port");
    }
    usage.checkFlags(text(container.spec().get("command")) + " " + text(container.spec().get("args")));
    // Kubernetes waits 30 s before SIGKILL unless told otherwise.
    Object grace = at(container.workload().document(), "spec", "template", "spec", "terminationGracePeriodSeconds");
    usage.checkStopTime(grace == null ? "30" : text(grace), "terminationGracePeriodSeconds");
  }

  /** A port written as a number or as the name of one of the container's ports. */
  private Optional<Integer> port(Container container, Object port, String where) {
    if (port instanceof Integer number) {
      return Optional.of(number);
    }
    Integer named = container.namedPorts().get(text(port));
    if (named == null) {
      problems.add(where, "no container port named " + port);
    }
    return Optional.ofNullable(named);
  }

  private void checkServices(List<Container> containers) {
    for (Manifest service : manifests.stream().filter(m -> m.kind().equals("Service")).toList()) {
      String where = service.where() + " Service " + service.name();
      List<Container> selected = selected(containers, map(at(service.document(), "spec", "selector")));
      if (selected.isEmpty()) {
        problems.add(where, "selects no Quorate pod");
      }
      for (Object port : list(at(service.document(), "spec", "ports"))) {
        Object target = map(port).getOrDefault("targetPort", map(port).get("port"));
        for (Container container : selected) {
          boolean exists = target instanceof Integer number ? container.namedPorts().containsValue(number)
              : container.namedPorts().containsKey(text(target));
          if (!exists) {
            problems.add(where, "targetPort " + target + " is not a port of " + container.workload().name());
          }
        }
      }
    }
  }

  /** Kubernetes discovery: the DNS name is the StatefulSet's headless Service, which lists pods before they are ready. */
  private void checkHazelcastJoin(List<Container> containers) {
    for (Container container : containers) {
      if (!"kubernetes".equals(container.environment().get("QUORATE_CLUSTER_DISCOVERY"))) {
        continue;
      }
      String where = container.workload().where() + " " + container.workload().name();
      String serviceName = text(at(container.workload().document(), "spec", "serviceName"));
      String dns = container.environment().getOrDefault("QUORATE_CLUSTER_K8S_SERVICE_DNS", "");
      if (!dns.startsWith(serviceName + ".")) {
        problems.add(where, "QUORATE_CLUSTER_K8S_SERVICE_DNS " + dns + " is not the serviceName " + serviceName);
      }
      Optional<Manifest> headless = manifests.stream()
          .filter(m -> m.kind().equals("Service") && m.name().equals(serviceName)).findFirst();
      if (headless.isEmpty() || !"None".equals(at(headless.get().document(), "spec", "clusterIP"))
          || !Boolean.TRUE.equals(at(headless.get().document(), "spec", "publishNotReadyAddresses"))) {
        problems.add(where, "serviceName " + serviceName + " is not a headless Service publishing not-ready pods");
      }
    }
  }

  private void checkDisruptionBudgets(List<Container> containers) {
    manifests.stream().filter(m -> m.kind().equals("PodDisruptionBudget"))
        .filter(pdb -> selected(containers, map(at(pdb.document(), "spec", "selector", "matchLabels"))).isEmpty())
        .forEach(pdb -> problems.add(pdb.where(), "PodDisruptionBudget " + pdb.name() + " selects no Quorate pod"));
  }

  /** Overlay patches name a workload and containers of the base, and set real options. */
  private void checkPatches(List<Container> containers) {
    for (Manifest patch : patches) {
      for (Object item : list(at(patch.document(), "spec", "template", "spec", "containers"))) {
        String name = text(map(item).get("name"));
        Optional<Container> patched = containers.stream()
            .filter(c -> c.workload().kind().equals(patch.kind()) && c.workload().name().equals(patch.name()))
            .filter(c -> name.equals(c.spec().get("name"))).findFirst();
        if (patched.isEmpty()) {
          problems.add(patch.where(), "patches container " + name + " of " + patch.kind() + " " + patch.name()
              + ", which no base has");
          continue;
        }
        Map<String, String> environment = new LinkedHashMap<>();
        list(map(item).get("env")).forEach(e -> environment.put(text(map(e).get("name")), text(map(e).get("value"))));
        new ProcessUsage(patched.get().process(), patch.where(), environment, problems);
        Optional<Map<String, String>> coordinator = coordinatorEnvironment(containers);
        if (environment.containsKey("QUORATE_COORDINATOR") && coordinator.isPresent()) {
          ProcessUsage.checkAddressPorts(patch.where(), problems, environment.get("QUORATE_COORDINATOR"),
              QuorateProcess.COORDINATOR, "--grpc-port", coordinator.get());
        }
      }
    }
  }

  private static Optional<Map<String, String>> coordinatorEnvironment(List<Container> containers) {
    return containers.stream().filter(c -> c.process() == QuorateProcess.COORDINATOR).map(Container::environment)
        .findFirst();
  }

  private static List<Container> selected(List<Container> containers, Map<String, Object> selector) {
    return containers.stream().filter(c -> !selector.isEmpty() && map(at(c.workload().document(), "spec", "template",
        "metadata", "labels")).entrySet().containsAll(selector.entrySet())).toList();
  }

  private static String relative(Path file) {
    return RepositoryFiles.root().relativize(file).toString();
  }
}
