package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.quorate.coordinator.cluster.ClusterSetup;
import io.quorate.coordinator.config.ConfigException;
import io.quorate.coordinator.config.CoordinatorConfig;
import io.quorate.coordinator.config.EnvironmentAndFileDefaults;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code --cluster-discovery}: the Hazelcast join a node is configured with, as the Kubernetes manifests in
 * {@code deploy/k8s} set it (environment variables), and the TCP-IP list everywhere else.
 */
class ClusterDiscoveryConfigTest {
  private static final String SERVICE_DNS = "quorate-coordinator-cluster.quorate.svc.cluster.local";

  @Test
  void joinsByTheMemberListByDefault() {
    JoinConfig join = joinOf(configFrom(Map.of("QUORATE_CLUSTER_MEMBERS", "coordinator-2:5701,coordinator-3:5701")));
    assertTrue(join.getTcpIpConfig().isEnabled());
    assertEquals(List.of("127.0.0.1:5701", "coordinator-2:5701", "coordinator-3:5701"), join.getTcpIpConfig().getMembers());
    assertFalse(join.getKubernetesConfig().isEnabled());
    assertFalse(join.getMulticastConfig().isEnabled());
    assertFalse(join.getAutoDetectionConfig().isEnabled());
  }

  @Test
  void joinsByTheHeadlessServiceDnsOnKubernetes() {
    JoinConfig join = joinOf(configFrom(Map.of("QUORATE_CLUSTER_DISCOVERY", "kubernetes",
        "QUORATE_CLUSTER_K8S_SERVICE_DNS", SERVICE_DNS, "QUORATE_CLUSTER_PORT", "5702")));
    assertTrue(join.getKubernetesConfig().isEnabled());
    assertEquals(SERVICE_DNS, join.getKubernetesConfig().getProperty("service-dns"));
    assertEquals("5702", join.getKubernetesConfig().getProperty("service-port"));
    assertFalse(join.getTcpIpConfig().isEnabled());
    assertFalse(join.getMulticastConfig().isEnabled());
    assertFalse(join.getAutoDetectionConfig().isEnabled());
  }

  @ParameterizedTest
  @CsvSource({
      "kubernetes, '', cluster-k8s-service-dns",
      "tcp, " + SERVICE_DNS + ", cluster-k8s-service-dns",
      "multicast, '', cluster-discovery"})
  void refusesAnIncompleteOrUnknownDiscovery(String mode, String serviceDns, String namedKey) {
    ConfigException refused = assertThrows(ConfigException.class, () -> configFrom(Map.of(
        "QUORATE_CLUSTER_DISCOVERY", mode, "QUORATE_CLUSTER_K8S_SERVICE_DNS", serviceDns)));
    assertTrue(refused.getMessage().contains(namedKey), refused.getMessage());
  }

  @Test
  void bindsOnlyTheClusterHostSoPodsOnOneHostCanShareThePort() {
    Config hazelcast = hazelcastOf(configFrom(Map.of("QUORATE_CLUSTER_HOST", "10.1.2.3")));
    assertEquals(List.of("10.1.2.3"), List.copyOf(hazelcast.getNetworkConfig().getInterfaces().getInterfaces()));
    assertEquals("false", hazelcast.getProperty("hazelcast.socket.bind.any"));
  }

  private static JoinConfig joinOf(CoordinatorConfig config) {
    return hazelcastOf(config).getNetworkConfig().getJoin();
  }

  private static Config hazelcastOf(CoordinatorConfig config) {
    return ClusterSetup.hazelcast(config.clusterHost(), config.clusterPort(), config.clusterMembers(),
        config.clusterDiscovery());
  }

  private static CoordinatorConfig configFrom(Map<String, String> environment) {
    CoordinatorMain main = new CoordinatorMain();
    new CommandLine(main).setDefaultValueProvider(new EnvironmentAndFileDefaults(environment, new Properties()))
        .parseArgs();
    return main.toConfig();
  }
}
