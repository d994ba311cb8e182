package io.quorate.coordinator.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A coordinator cluster of separate processes ({@link CoordinatorProcess}), joined by Hazelcast TCP-IP on
 * loopback and sharing the test's PostgreSQL, for tests that kill nodes the way a crash or an OOM killer does.
 */
public final class CoordinatorProcesses implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(90); // four JVMs starting at once on two cores
  private final List<CoordinatorProcess> nodes = new ArrayList<>();

  private CoordinatorProcesses() {}

  /**
   * Starts {@code size} nodes at once and waits until each serves in the full cluster.
   *
   * @param settings coordinator options every node gets (long name without dashes → value)
   * @param logName directory under {@code target/coordinator-processes/} for the nodes' output
   */
  public static CoordinatorProcesses start(int size, TestDatabase db, Map<String, String> settings, String logName) {
    CoordinatorProcesses cluster = new CoordinatorProcesses();
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "kill-coordinator-processes"));
    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      clusterPorts.add(TestCluster.freePort());
    }
    Path logDir = Path.of("target", "coordinator-processes", logName);
    for (int i = 0; i < size; i++) {
      List<Integer> others = new ArrayList<>(clusterPorts);
      others.remove(i);
      cluster.nodes.add(new CoordinatorProcess("coordinator-" + (i + 1), clusterPorts.get(i), others, db, settings,
          logDir));
    }
    cluster.nodes.forEach(CoordinatorProcess::launch);
    cluster.nodes.forEach(node -> node.awaitServing(START, size));
    return cluster;
  }

  public CoordinatorProcess node(int index) {
    return nodes.get(index);
  }

  public List<CoordinatorProcess> nodes() {
    return List.copyOf(nodes);
  }

  /** host:port of every node's probe link, in node order: probes try them in this order. */
  public List<String> grpcAddresses() {
    return nodes.stream().map(CoordinatorProcess::grpcAddress).toList();
  }

  /** A node that is up, for API calls. */
  public CoordinatorProcess anyAlive() {
    return nodes.stream().filter(CoordinatorProcess::alive).findFirst()
        .orElseThrow(() -> new AssertionError("no coordinator node is running"));
  }

  /** Starts every killed node again and waits until the cluster is whole. */
  public void restartKilled() {
    List<CoordinatorProcess> killed = nodes.stream().filter(node -> !node.alive()).toList();
    killed.forEach(CoordinatorProcess::launch);
    nodes.forEach(node -> node.awaitServing(START, nodes.size()));
  }

  /**
   * Waits until one node has every probe region linked and returns it: the node whose death cuts the
   * probes' streams.
   */
  public CoordinatorProcess awaitProbesLinkedToOneNode(Duration timeout, int regions) {
    return Eventually.value(timeout, "all " + regions + " probe regions linked to one node",
        () -> nodes.stream().filter(node -> node.regionsLinked() == regions).findFirst().orElse(null));
  }

  @Override
  public void close() {
    nodes.stream().filter(CoordinatorProcess::alive).forEach(CoordinatorProcess::kill);
  }
}
