package io.quorate.coordinator.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.quorate.coordinator.config.HostPort;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.List;

/**
 * Hazelcast for the coordinator cluster: members found by a fixed TCP-IP list only (no multicast, no
 * cloud auto-detection, no phone-home), so a coordinator never joins a stranger's cluster on the same
 * network. Hazelcast carries the Vert.x event bus; it decides nothing about incidents (PostgreSQL does).
 */
public final class ClusterSetup {
  private ClusterSetup() {}

  public static Config hazelcast(String host, int port, List<HostPort> members) {
    Config config = ConfigUtil.loadConfig(); // keeps the maps and multimaps Vert.x needs
    config.setClusterName("quorate");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false);
    if (host.matches("[0-9.]+")) {
      network.getInterfaces().setEnabled(true).addInterface(host); // bind only there, not on every interface
    }
    network.setPublicAddress(host + ":" + port);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).getMembers().clear();
    join.getTcpIpConfig().addMember(host + ":" + port);
    members.forEach(member -> join.getTcpIpConfig().addMember(member.toString()));
    return config;
  }
}
