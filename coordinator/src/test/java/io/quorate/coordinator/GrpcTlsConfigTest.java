package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.config.ConfigException;
import io.quorate.coordinator.config.CoordinatorConfig;
import io.quorate.coordinator.config.EnvironmentAndFileDefaults;
import io.quorate.coordinator.config.GrpcTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --grpc-tls-*}: TLS on the probe link from flags or QUORATE_ variables; a half-given setup stops the start. */
class GrpcTlsConfigTest {
  @TempDir
  Path dir;

  @Test
  void theProbeLinkIsPlaintextWithoutACertificate() {
    assertEquals(Optional.empty(), configFrom(Map.of()).grpcTls());
  }

  @Test
  void certificateKeyAndClientCaComeFromTheEnvironment() throws IOException {
    Path cert = file("cert.pem");
    Path key = file("key.pem");
    Path ca = file("ca.pem");
    GrpcTls tls = configFrom(Map.of("QUORATE_GRPC_TLS_CERT", cert.toString(), "QUORATE_GRPC_TLS_KEY", key.toString(),
        "QUORATE_GRPC_TLS_CLIENT_CA", ca.toString())).grpcTls().orElseThrow();
    assertEquals(new GrpcTls(cert, key, Optional.of(ca)), tls);
    assertTrue(tls.mutual());
  }

  @Test
  void aHalfGivenSetupIsRefusedNamingTheMissingOption() throws IOException {
    String cert = file("cert.pem").toString();
    assertRefused(Map.of("QUORATE_GRPC_TLS_CERT", cert), "grpc-tls-key: is required with --grpc-tls-cert");
    assertRefused(Map.of("QUORATE_GRPC_TLS_KEY", cert), "grpc-tls-cert: is required with --grpc-tls-key");
    assertRefused(Map.of("QUORATE_GRPC_TLS_CLIENT_CA", cert), "grpc-tls-client-ca: needs --grpc-tls-cert");
    assertRefused(Map.of("QUORATE_GRPC_TLS_CERT", cert, "QUORATE_GRPC_TLS_KEY", dir.resolve("missing.pem").toString()),
        "grpc-tls-key: cannot read " + dir.resolve("missing.pem"));
  }

  private void assertRefused(Map<String, String> environment, String message) {
    ConfigException refused = assertThrows(ConfigException.class, () -> configFrom(environment));
    assertTrue(refused.getMessage().contains(message), refused.getMessage());
  }

  private Path file(String name) throws IOException {
    return Files.writeString(dir.resolve(name), "-----BEGIN CERTIFICATE-----\n");
  }

  private static CoordinatorConfig configFrom(Map<String, String> environment) {
    CoordinatorMain main = new CoordinatorMain();
    new CommandLine(main).setDefaultValueProvider(new EnvironmentAndFileDefaults(environment, new Properties()))
        .parseArgs();
    return main.toConfig();
  }
}
