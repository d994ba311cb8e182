package io.quorate.coordinator.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.quorate.coordinator.config.ClusterDiscovery;
import io.quorate.coordinator.config.HostPort;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.List;

/**
 * Hazelcast for the coordinator cluster: members found by a fixed TCP-IP list, or on Kubernetes by the DNS
 * records of a headless Service; never by multicast or cloud auto-detection (and no phone-home), so a
 * coordinator never joins a stranger's cluster on the same network. Hazelcast carries the Vert.x event bus;
 * it decides nothing about incidents (PostgreSQL does).
 */
public final class ClusterSetup {
  private ClusterSetup() {}

  public static Config hazelcast(String host, int port, List<HostPort> members) {
    return hazelcast(host, port, members, ClusterDiscovery.TCP_IP);
  }

  public static Config hazelcast(String host, int port, List<HostPort> members, ClusterDiscovery discovery) {
    Config config = ConfigUtil.loadConfig(); // keeps the maps and multimaps Vert.x needs
    config.setClusterName("quorate");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false);
    if (host.matches("[0-9.]+")) {
      network.getInterfaces().setEnabled(true).addInterface(host);
      // Bind only there, not on every interface (Hazelcast's default), so nodes on one host can share a port,
      // as every pod does behind a headless Service.
      config.setProperty("hazelcast.socket.bind.any", "false");
    }
    network.setPublicAddress(host + ":" + port);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().getMembers().clear();
    if (discovery.mode() == ClusterDiscovery.Mode.KUBERNETES) {
      joinByKubernetesDns(join, port, discovery.kubernetesServiceDns().orElseThrow());
    } else {
      join.getTcpIpConfig().setEnabled(true).addMember(host + ":" + port);
      members.forEach(member -> join.getTcpIpConfig().addMember(member.toString()));
    }
    return config;
  }

  /**
   * DNS lookup mode: the headless Service's A records are the members. Unlike API mode it needs no
   * ServiceAccount permissions; the Service must publish not-ready addresses so members find each other
   * before they are ready.
   */
  private static void joinByKubernetesDns(JoinConfig join, int port, String serviceDns) {
    join.getTcpIpConfig().setEnabled(false);
    join.getKubernetesConfig().setEnabled(true)
        .setProperty("service-dns", serviceDns)
        .setProperty("service-port", Integer.toString(port));
  }
}
