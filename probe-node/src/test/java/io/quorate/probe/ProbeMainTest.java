package io.quorate.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeMainTest {
  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {
  }

  private static Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = ProbeMain.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void flagsWinOverEnvironmentWhichWinsOverTheFileWhichWinsOverDefaults() throws IOException {
    Path file = dir.resolve("probe.properties");
    Files.writeString(file, """
        region=ap-south
        coordinator=file-host:9090
        probe-token=from-file
        http-port=7000
        node-id=from-file
        """);
    Run run = run(Map.of("QUORATE_REGION", "us-east", "QUORATE_HTTP_PORT", "7100"),
        "--config", file.toString(), "--region", "eu-west", "--check-config");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("region=eu-west"), run.out());          // flag over environment and file
    assertTrue(run.out().contains("http-port=7100"), run.out());          // environment over file
    assertTrue(run.out().contains("coordinator=file-host:9090"), run.out()); // file
    assertTrue(run.out().contains("node-id=from-file"), run.out());
    assertTrue(run.out().contains("http-host=0.0.0.0"), run.out());       // built-in default
    assertTrue(run.out().contains("probe-token=****"), run.out());
    assertFalse(run.out().contains("from-file\nhttp"), run.out());
    assertFalse(run.out().contains("probe-token=from-file"), run.out());
  }

  @Test
  void withoutANodeIdFlagTheIdKeptInTheSpoolIsUsedSoARestartedNodeKeepsIt() throws IOException {
    Path spool = dir.resolve("spool");
    io.quorate.probe.spool.NodeIdFile.write(spool, "eu-west-3f2a9c01");
    Run run = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t",
        "--spool-dir", spool.toString(), "--spool-max-bytes", "10485760", "--check-config");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("node-id=eu-west-3f2a9c01"), run.out());
    assertTrue(run.out().contains("spool-dir=" + spool), run.out());
    assertTrue(run.out().contains("spool-max-bytes=10485760"), run.out());

    Run tooSmall = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t",
        "--spool-dir", spool.toString(), "--spool-max-bytes", "1000", "--check-config");
    assertEquals(2, tooSmall.exit());
    assertTrue(tooSmall.err().contains("--spool-max-bytes: must be at least 1048576"), tooSmall.err());
  }

  @Test
  void allowedTargetsComeFromAFlagTheEnvironmentOrTheFile() throws IOException {
    Run flag = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t",
        "--allow-targets=127.0.0.0/8, 10.0.0.0/8", "--check-config");
    assertEquals(0, flag.exit(), flag.err());
    assertTrue(flag.out().contains("allow-targets=127.0.0.0/8,10.0.0.0/8"), flag.out());

    Run environment = run(Map.of("QUORATE_ALLOW_TARGETS", "fd00::/8"), "--region", "eu-west", "--coordinator", "h:1",
        "--probe-token", "t", "--check-config");
    assertTrue(environment.out().contains("allow-targets=fd00::/8"), environment.out());

    Path file = dir.resolve("probe.properties");
    Files.writeString(file, "allow-targets=192.168.0.0/16\n");
    Run fromFile = run(Map.of(), "--config", file.toString(), "--region", "eu-west", "--coordinator", "h:1",
        "--probe-token", "t", "--check-config");
    assertTrue(fromFile.out().contains("allow-targets=192.168.0.0/16"), fromFile.out());
  }

  @Test
  void theDrainTimeoutDefaultsTo15SecondsAndAnInvalidOneExitsWith2() {
    Run defaults = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t", "--check-config");
    assertEquals(0, defaults.exit(), defaults.err());
    assertTrue(defaults.out().contains("drain-timeout=15000ms"), defaults.out());

    Run environment = run(Map.of("QUORATE_DRAIN_TIMEOUT", "500ms"), "--region", "eu-west", "--coordinator", "h:1",
        "--probe-token", "t", "--check-config");
    assertTrue(environment.out().contains("drain-timeout=500ms"), environment.out());

    Run invalid = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t",
        "--drain-timeout", "soon", "--check-config");
    assertEquals(2, invalid.exit());
    assertTrue(invalid.err().contains("--drain-timeout: must be a duration such as 500ms, 15s or 1m"), invalid.err());
  }

  @Test
  void anInvalidRangeExitsWith2NamingTheOption() {
    Run run = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t",
        "--allow-targets", "10.0.0.0/33", "--check-config");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--allow-targets: \"10.0.0.0/33\": prefix must be 0 to 32"), run.err());
  }

  @Test
  void invalidConfigurationExitsWith2NamingTheOption() {
    Run run = run(Map.of("QUORATE_PROBE_TOKEN", "t"), "--region", "EU", "--coordinator", "127.0.0.1:9090");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--region: must be 1 to 40 lowercase letters"), run.err());
  }

  @Test
  void aMissingTokenExitsWith2NamingTheOption() {
    Run run = run(Map.of(), "--region", "eu-west", "--coordinator", "127.0.0.1:9090");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--probe-token: is required"), run.err());
  }

  @Test
  void aNonNumericPortFromTheEnvironmentExitsWith2NamingTheOption() {
    Run run = run(Map.of("QUORATE_HTTP_PORT", "eighty"), "--region", "eu-west", "--coordinator", "h:1",
        "--probe-token", "t", "--check-config");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--http-port"), run.err());
  }

  @Test
  void anUnreadableConfigFileExitsWith2() {
    Run run = run(Map.of(), "--config", dir.resolve("missing.properties").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--config: cannot read"), run.err());
  }

  @Test
  void helpListsEveryOption() {
    Run run = run(Map.of(), "--help");
    assertEquals(0, run.exit());
    for (String option : new String[] {"--region", "--coordinator", "--probe-token", "--http-host", "--http-port",
        "--node-id", "--allow-targets", "--config", "--help"}) {
      assertTrue(run.out().contains(option), option + " in\n" + run.out());
    }
  }

  @Test
  void tlsTowardsTheCoordinatorsComesFromTheEnvironmentAndIsShownByCheckConfig() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "pem");
    Path cert = Files.writeString(dir.resolve("client.pem"), "pem");
    Path key = Files.writeString(dir.resolve("client-key.pem"), "pem");
    Run run = run(Map.of("QUORATE_COORDINATOR_TLS", "true", "QUORATE_COORDINATOR_CA", ca.toString(),
        "QUORATE_TLS_CLIENT_CERT", cert.toString(), "QUORATE_TLS_CLIENT_KEY", key.toString()),
        "--region", "eu-west", "--coordinator", "coordinator.example:9090", "--probe-token", "t", "--check-config");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("coordinator-tls=on, trusting " + ca + ", client certificate " + cert), run.out());

    Run plain = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t", "--check-config");
    assertTrue(plain.out().contains("coordinator-tls=off"), plain.out());
    Run jvmTrust = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t",
        "--coordinator-tls", "--check-config");
    assertTrue(jvmTrust.out().contains("coordinator-tls=on, trusting the JVM's default CAs"), jvmTrust.out());
  }

  @Test
  void tlsFilesWithoutTlsOrHalfAClientCertificateExitWith2NamingTheOption() throws IOException {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "pem");
    Run withoutTls = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t",
        "--coordinator-ca", pem.toString(), "--check-config");
    assertEquals(2, withoutTls.exit());
    assertTrue(withoutTls.err().contains("--coordinator-ca: needs --coordinator-tls"), withoutTls.err());

    Run certOnly = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t",
        "--coordinator-tls", "--tls-client-cert", pem.toString(), "--check-config");
    assertEquals(2, certOnly.exit());
    assertTrue(certOnly.err().contains("--tls-client-key: is required with --tls-client-cert"), certOnly.err());

    Run missing = run(Map.of(), "--region", "eu-west", "--coordinator", "h:1", "--probe-token", "t",
        "--coordinator-tls", "--coordinator-ca", dir.resolve("nope.pem").toString(), "--check-config");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("--coordinator-ca: cannot read"), missing.err());
  }
}
