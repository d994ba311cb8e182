package io.quorate.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS towards the coordinators. When on, the probe verifies the coordinator's certificate and host name:
 * against {@code trustedCa} when given, else the JVM's default trust store. There is no switch to skip that
 * check: a probe that trusts any certificate hands its token to whoever answers.
 *
 * @param clientCert with {@code clientKey}, the certificate presented for mutual TLS
 */
public record LinkTls(boolean enabled, Optional<Path> trustedCa, Optional<Path> clientCert, Optional<Path> clientKey) {
  public static final LinkTls OFF = new LinkTls(false, Optional.empty(), Optional.empty(), Optional.empty());

  public LinkTls {
    if (trustedCa == null || clientCert == null || clientKey == null) {
      throw new ConfigException("coordinator-tls", "files must not be null (use Optional.empty())");
    }
    if (!enabled) {
      requireAbsent("coordinator-ca", trustedCa);
      requireAbsent("tls-client-cert", clientCert);
      requireAbsent("tls-client-key", clientKey);
    }
    if (clientCert.isPresent() != clientKey.isPresent()) {
      throw clientCert.isPresent() ? new ConfigException("tls-client-key", "is required with --tls-client-cert")
          : new ConfigException("tls-client-cert", "is required with --tls-client-key");
    }
    trustedCa.ifPresent(file -> readable("coordinator-ca", file));
    clientCert.ifPresent(file -> readable("tls-client-cert", file));
    clientKey.ifPresent(file -> readable("tls-client-key", file));
  }

  /** TLS verified against this CA (or the JVM's trust store when null), no client certificate. */
  public static LinkTls verifiedBy(Path trustedCa) {
    return new LinkTls(true, Optional.ofNullable(trustedCa), Optional.empty(), Optional.empty());
  }

  /** A copy that presents this client certificate (mutual TLS). */
  public LinkTls withClientCertificate(Path cert, Path key) {
    return new LinkTls(enabled, trustedCa, Optional.of(cert), Optional.of(key));
  }

  /** For {@code --check-config}: on, off, and which files. */
  public String describe() {
    if (!enabled) {
      return "off";
    }
    return "on, trusting " + trustedCa.map(Path::toString).orElse("the JVM's default CAs")
        + clientCert.map(cert -> ", client certificate " + cert).orElse("");
  }

  private static void requireAbsent(String key, Optional<Path> file) {
    if (file.isPresent()) {
      // Without TLS the file would be ignored and the token sent in plaintext: stop instead.
      throw new ConfigException(key, "needs --coordinator-tls (QUORATE_COORDINATOR_TLS=true)");
    }
  }

  private static void readable(String key, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ConfigException(key, "cannot read " + file);
    }
  }
}
