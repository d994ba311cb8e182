package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.config.GrpcTls;
import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.LogCapture;
import io.quorate.coordinator.support.TestCertificates;
import io.quorate.coordinator.support.TestCertificates.Authority;
import io.quorate.coordinator.support.TestCertificates.Issued;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.coordinator.support.TestProbes;
import io.quorate.probe.LinkTls;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe link over TLS with certificates made for the test: a probe verifies the coordinator's certificate
 * and host name and refuses a coordinator it cannot verify; with mutual TLS the coordinator refuses a probe
 * without a client certificate from its CA.
 */
class LinkTlsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir
  Path dir;
  private TestCluster cluster;
  private TestProbes probes;

  @AfterEach
  void stop() {
    if (probes != null) {
      probes.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aProbeLinksOverTlsOnlyToACoordinatorItCanVerify() {
    TestCertificates certificates = new TestCertificates(dir);
    Authority ca = certificates.authority("quorate-test-ca");
    Issued server = certificates.server(ca, "coordinator", "localhost");
    cluster = TestCluster.start(1, TestDatabase.create(),
        config -> config.withGrpcTls(new GrpcTls(server.cert(), server.key(), Optional.empty())));
    probes = new TestProbes(Clock.systemUTC());

    probes.add("eu-west", cluster.grpcAddresses("localhost"), TestCluster.PROBE_TOKEN,
        config -> config.withLinkTls(LinkTls.verifiedBy(ca.cert())));
    Eventually.until(WAIT, "the probe trusting the coordinator's CA is linked", probes::allConnected);
    assertEquals(List.of("eu-west"), connectedRegions());

    Authority stranger = certificates.authority("some-other-ca");
    assertRefusesCoordinator("us-east", cluster.grpcAddresses("localhost"), LinkTls.verifiedBy(stranger.cert()),
        "unable to find valid certification path");
    // The certificate names localhost; by its address the coordinator is not who the certificate says.
    assertRefusesCoordinator("ap-south", cluster.grpcAddresses("127.0.0.1"), LinkTls.verifiedBy(ca.cert()),
        "No subject alternative names matching IP address 127.0.0.1");
    assertEquals(List.of("eu-west"), connectedRegions());
  }

  private void assertRefusesCoordinator(String region, List<String> coordinators, LinkTls tls, String why) {
    try (LogCapture logs = new LogCapture()) {
      probes.add(region, coordinators, TestCluster.PROBE_TOKEN, config -> config.withLinkTls(tls));
      Eventually.until(WAIT, region + " logs that it cannot verify the coordinator", () -> logs.lines().stream()
          .anyMatch(line -> line.contains("probe link not established") && line.contains("TLS failed")
              && line.contains(why)));
      assertTrue(!probes.probe(region).linkConnected(), region + " is not linked");
    }
  }

  @Test
  void withMutualTlsOnlyAProbeWithAClientCertificateFromTheClientCaIsLinked() {
    TestCertificates certificates = new TestCertificates(dir);
    Authority serverCa = certificates.authority("quorate-server-ca");
    Authority clientCa = certificates.authority("quorate-probe-ca");
    Issued server = certificates.server(serverCa, "coordinator", "localhost");
    cluster = TestCluster.start(1, TestDatabase.create(),
        config -> config.withGrpcTls(new GrpcTls(server.cert(), server.key(), Optional.of(clientCa.cert()))));
    probes = new TestProbes(Clock.systemUTC());
    List<String> coordinators = cluster.grpcAddresses("localhost");

    try (LogCapture logs = new LogCapture()) {
      probes.add("us-east", coordinators, TestCluster.PROBE_TOKEN,
          config -> config.withLinkTls(LinkTls.verifiedBy(serverCa.cert())));
      Eventually.until(WAIT, "the probe without a client certificate is turned away",
          () -> logs.contains("probe link not established"));
    }
    Issued selfMade = certificates.client(certificates.authority("not-the-probe-ca"), "impostor", "us-west");
    try (LogCapture logs = new LogCapture()) {
      probes.add("us-west", coordinators, TestCluster.PROBE_TOKEN, config -> config.withLinkTls(
          LinkTls.verifiedBy(serverCa.cert()).withClientCertificate(selfMade.cert(), selfMade.key())));
      Eventually.until(WAIT, "the probe with a certificate of another CA is turned away",
          () -> logs.contains("probe link not established"));
    }

    Issued client = certificates.client(clientCa, "eu-west-probe", "eu-west");
    probes.add("eu-west", coordinators, TestCluster.PROBE_TOKEN, config -> config.withLinkTls(
        LinkTls.verifiedBy(serverCa.cert()).withClientCertificate(client.cert(), client.key())));
    Eventually.until(WAIT, "the probe with a client certificate is linked", () -> probes.probe("eu-west").linkConnected());
    Eventually.during(Duration.ofSeconds(1), "the others stay out", () -> connectedRegions().equals(List.of("eu-west")));
  }

  /** The certificates deploy/README.md tells operators to make, made by its script with openssl. */
  @Test
  void certificatesMadeByTheDeployScriptLinkAProbeOverMutualTls() throws Exception {
    Process script = new ProcessBuilder("bash", Path.of("..", "deploy", "tls", "make-certs.sh").toString(),
        dir.toString(), "localhost,coordinator.example.com", "eu-west-1").redirectErrorStream(true).start();
    String output = new String(script.getInputStream().readAllBytes());
    assertTrue(script.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "make-certs.sh finished");
    assertEquals(0, script.exitValue(), output);
    cluster = TestCluster.start(1, TestDatabase.create(), config -> config.withGrpcTls(new GrpcTls(
        dir.resolve("coordinator.pem"), dir.resolve("coordinator.key"), Optional.of(dir.resolve("probe-ca.pem")))));
    probes = new TestProbes(Clock.systemUTC());
    probes.add("eu-west", cluster.grpcAddresses("localhost"), TestCluster.PROBE_TOKEN, config -> config.withLinkTls(
        LinkTls.verifiedBy(dir.resolve("ca.pem"))
            .withClientCertificate(dir.resolve("probe-eu-west-1.pem"), dir.resolve("probe-eu-west-1.key"))));
    Eventually.until(WAIT, "the probe is linked", probes::allConnected);
  }

  private List<String> connectedRegions() {
    JsonArray regions = new Api(cluster.node(0).httpPort(), null).get("/health").json()
        .getJsonArray("probe_regions_connected");
    return regions.stream().map(String.class::cast).toList();
  }
}
