package io.quorate.coordinator.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How a coordinator finds the other members of its cluster: a fixed TCP-IP list ({@code --cluster-members}),
 * or on Kubernetes the addresses behind a headless Service, looked up in DNS. DNS lookup needs no access to
 * the Kubernetes API, so a coordinator pod runs without a ServiceAccount token or RBAC rules.
 *
 * @param kubernetesServiceDns the headless Service's DNS name, e.g.
 *     {@code quorate-coordinator-cluster.quorate.svc.cluster.local}; present exactly in kubernetes mode
 */
public record ClusterDiscovery(Mode mode, Optional<String> kubernetesServiceDns) {
  public static final ClusterDiscovery TCP_IP = new ClusterDiscovery(Mode.TCP, Optional.empty());

  /** The values of {@code --cluster-discovery}. */
  public enum Mode { TCP, KUBERNETES }

  public ClusterDiscovery {
    if (mode == Mode.KUBERNETES && kubernetesServiceDns.filter(dns -> !dns.isBlank()).isEmpty()) {
      throw new ConfigException("cluster-k8s-service-dns", "is required with --cluster-discovery kubernetes");
    }
    if (mode == Mode.TCP && kubernetesServiceDns.isPresent()) {
      throw new ConfigException("cluster-k8s-service-dns", "applies only to --cluster-discovery kubernetes");
    }
  }

  /** From the option values; {@code serviceDns} may be null or blank in tcp mode. */
  public static ClusterDiscovery parse(String mode, String serviceDns) {
    Optional<String> dns = serviceDns == null || serviceDns.isBlank() ? Optional.empty() : Optional.of(serviceDns.trim());
    return switch (mode == null ? "tcp" : mode.trim().toLowerCase(Locale.ROOT)) {
      case "tcp" -> new ClusterDiscovery(Mode.TCP, dns);
      case "kubernetes" -> new ClusterDiscovery(Mode.KUBERNETES, dns);
      default -> throw new ConfigException("cluster-discovery", "must be tcp or kubernetes, got \"" + mode + "\"");
    };
  }
}
