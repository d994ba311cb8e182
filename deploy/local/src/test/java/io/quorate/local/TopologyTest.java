package io.quorate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopologyTest {

  @Test
  void theDefaultBasePortGivesTheDocumentedPorts() throws Exception {
    Topology topology = Topology.withBasePort(8080);

    assertEquals(List.of(new Topology.Coordinator("coordinator-1", 8080, 9090, 5701),
        new Topology.Coordinator("coordinator-2", 8082, 9092, 5702)), topology.coordinators());
    assertEquals(List.of(new Topology.Probe("probe-eu-west", "eu-west", 8181),
        new Topology.Probe("probe-us-east", "us-east", 8182),
        new Topology.Probe("probe-ap-south", "ap-south", 8183)), topology.probes());
    assertEquals(8090, topology.demoQueuePort());
    assertEquals(8091, topology.webhookSinkPort());
    assertEquals("127.0.0.1:5701,127.0.0.1:5702", topology.clusterMembers());
    assertEquals("127.0.0.1:9090,127.0.0.1:9092", topology.grpcTargets());
    assertEquals("http://localhost:8181", topology.pingUrl());
    assertEquals(11, topology.portUses().size(), "6 coordinator ports, 3 probes, 2 demo services: none shared");
  }

  @Test
  void anotherBasePortShiftsEveryPortByTheSameAmount() throws Exception {
    Topology topology = Topology.withBasePort(18080);

    assertEquals(new Topology.Coordinator("coordinator-2", 18082, 19092, 15702), topology.coordinators().get(1));
    assertEquals(18183, topology.probes().get(2).httpPort());
    assertEquals("http://localhost:18080/api/v1", topology.apiBase());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 80, 3402, 64524, 70000})
  void refusesABasePortThatPushesAPortOutOfRange(int basePort) {
    LaunchException e = assertThrows(LaunchException.class, () -> Topology.withBasePort(basePort));
    assertTrue(e.getMessage().startsWith("--base-port " + basePort + ": must be between 3403 and 64523"), e.getMessage());
  }
}
