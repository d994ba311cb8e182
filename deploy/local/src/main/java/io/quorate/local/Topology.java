package io.quorate.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which processes run where. With the default base port 8080 the ports are the ones in the README
 * (coordinators 8080/8082, gRPC 9090/9092, cluster 5701/5702, probes 8181–8183, demo queue 8090,
 * webhook sink 8091); another base port shifts all of them by the same amount.
 */
record Topology(int basePort, List<Coordinator> coordinators, List<Probe> probes, int demoQueuePort,
    int webhookSinkPort) {

  static final int DEFAULT_BASE_PORT = 8080;
  static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  private static final int LOWEST = 5701;
  private static final int HIGHEST = 9092;

  record Coordinator(String name, int httpPort, int grpcPort, int clusterPort) {}

  record Probe(String name, String region, int httpPort) {}

  Topology {
    coordinators = List.copyOf(coordinators);
    probes = List.copyOf(probes);
  }

  static Topology withBasePort(int basePort) throws LaunchException {
    int shift = basePort - DEFAULT_BASE_PORT;
    if (LOWEST + shift < 1024 || HIGHEST + shift > 65535) {
      throw new LaunchException("--base-port " + basePort + ": must be between " + (1024 - LOWEST + DEFAULT_BASE_PORT)
          + " and " + (65535 - HIGHEST + DEFAULT_BASE_PORT) + " so that every derived port is valid");
    }
    List<Coordinator> coordinators = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      coordinators.add(new Coordinator("coordinator-" + (i + 1), 8080 + 2 * i + shift, 9090 + 2 * i + shift, 5701 + i + shift));
    }
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < REGIONS.size(); i++) {
      probes.add(new Probe("probe-" + REGIONS.get(i), REGIONS.get(i), 8181 + i + shift));
    }
    return new Topology(basePort, coordinators, probes, 8090 + shift, 8091 + shift);
  }

  /** {@code --cluster-members} for every coordinator. */
  String clusterMembers() {
    return coordinators.stream().map(c -> "127.0.0.1:" + c.clusterPort()).collect(Collectors.joining(","));
  }

  /** {@code --coordinator} for every probe: all gRPC addresses, tried in turn. */
  String grpcTargets() {
    return coordinators.stream().map(c -> "127.0.0.1:" + c.grpcPort()).collect(Collectors.joining(","));
  }

  /** Heartbeat pings go to the first region's probe node. */
  String pingUrl() {
    return "http://localhost:" + probes.get(0).httpPort();
  }

  String apiBase() {
    return "http://localhost:" + coordinators.get(0).httpPort() + "/api/v1";
  }

  String demoQueueUrl() {
    return "http://127.0.0.1:" + demoQueuePort + "/queues/receipts";
  }

  /** Every fixed port and what it is for, to check they are free before anything starts. */
  Map<Integer, String> portUses() {
    Map<Integer, String> uses = new LinkedHashMap<>();
    for (Coordinator c : coordinators) {
      uses.put(c.httpPort(), c.name() + " HTTP");
      uses.put(c.grpcPort(), c.name() + " gRPC");
      uses.put(c.clusterPort(), c.name() + " cluster");
    }
    for (Probe p : probes) {
      uses.put(p.httpPort(), p.name() + " HTTP");
    }
    uses.put(demoQueuePort, "demo queue service");
    uses.put(webhookSinkPort, "webhook sink");
    return uses;
  }
}
