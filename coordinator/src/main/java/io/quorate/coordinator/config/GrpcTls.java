package io.quorate.coordinator.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS on the probe link: this node's certificate chain and private key (PEM), and, for mutual TLS, the CA
 * whose certificates probes must present. Files are checked for readability here so a typo fails at start,
 * naming the option, instead of at the first probe connect.
 */
public record GrpcTls(Path cert, Path key, Optional<Path> clientCa) {
  public GrpcTls {
    Objects.requireNonNull(clientCa, "grpc-tls-client-ca");
    readable("grpc-tls-cert", cert);
    readable("grpc-tls-key", key);
    clientCa.ifPresent(ca -> readable("grpc-tls-client-ca", ca));
  }

  /**
   * From the three options as given (any may be null): empty when none is set; a key without a certificate, or
   * a client CA without TLS, is a mistake worth stopping for.
   */
  public static Optional<GrpcTls> of(Path cert, Path key, Path clientCa) {
    if (cert == null && key == null) {
      if (clientCa != null) {
        throw new ConfigException("grpc-tls-client-ca", "needs --grpc-tls-cert and --grpc-tls-key: mutual TLS is TLS");
      }
      return Optional.empty();
    }
    if (cert == null) {
      throw new ConfigException("grpc-tls-cert", "is required with --grpc-tls-key");
    }
    if (key == null) {
      throw new ConfigException("grpc-tls-key", "is required with --grpc-tls-cert");
    }
    return Optional.of(new GrpcTls(cert, key, Optional.ofNullable(clientCa)));
  }

  public boolean mutual() {
    return clientCa.isPresent();
  }

  private static void readable(String key, Path file) {
    if (file == null) {
      throw new ConfigException(key, "is required");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ConfigException(key, "cannot read " + file);
    }
  }
}
