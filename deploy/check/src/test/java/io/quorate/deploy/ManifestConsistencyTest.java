package io.quorate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The files under {@code deploy/} that no test here can run (no container engine, no Kubernetes) refer only
 * to what the code has: options and their QUORATE_* variables, ports, images the Dockerfiles build, the
 * jars Maven builds, and metrics the processes export. Options come from the main classes' picocli specs,
 * so an option renamed in the code fails this test until the manifests follow.
 */
class ManifestConsistencyTest {
  @ParameterizedTest
  @EnumSource(QuorateProcess.class)
  void dockerfileCopiesAndRunsTheJarMavenBuilds(QuorateProcess process) {
    Problems problems = new Problems();
    DockerfileCheck.check(process, problems);
    problems.assertNone();
  }

  @Test
  void composeFileRunsTheBuiltImagesWithRealOptionsAndPorts() {
    Problems problems = new Problems();
    ComposeCheck.check(problems);
    problems.assertNone();
  }

  @Test
  void kubernetesManifestsReferToRealOptionsPortsAndResources() {
    Problems problems = new Problems();
    KubernetesCheck.check(problems);
    problems.assertNone();
  }

  @Test
  void systemdUnitsRunTheBuiltJarsWithRealOptions() {
    Problems problems = new Problems();
    SystemdCheck.check(problems);
    problems.assertNone();
  }

  @Test
  void grafanaDashboardUsesOnlyExportedMetrics() {
    Problems problems = new Problems();
    DashboardCheck.check(problems);
    problems.assertNone();
  }

  @Test
  void everyQuorateVariableTheDeployFilesMentionIsAnOption() {
    Problems problems = new Problems();
    MentionedVariablesCheck.check(problems);
    problems.assertNone();
  }

  /** The checks above pass only if they can fail: a stale variable, flag or port is reported by name. */
  @Test
  void reportsAnOptionOrPortTheCodeDoesNotHave() {
    Problems problems = new Problems();
    ProcessUsage usage = new ProcessUsage(QuorateProcess.PROBE_NODE, "example",
        Map.of("QUORATE_REGION", "eu-west", "QUORATE_COORDINATORS", "c:9090", "QUORATE_HTTP_PORT", "8181"), problems);
    usage.checkFlags("java -jar probe-node.jar --region eu-west --spool-directory /var/lib/spool");
    usage.checkPort(8081, "containerPort");
    assertEquals(List.of(
        "example: QUORATE_COORDINATORS is not an option of probe-node",
        "example: --spool-directory is not an option of probe-node",
        "example: containerPort 8081 is not a port probe-node listens on here [8181]"), problems.list());
  }

  @Test
  void knowsTheOptionsAndDefaultPortsOfBothProcesses() {
    assertEquals("--grpc-port", QuorateProcess.COORDINATOR.environmentNames().get("QUORATE_GRPC_PORT"));
    assertEquals(List.of(5701, 8080, 9090), List.copyOf(QuorateProcess.COORDINATOR.ports(Map.of())));
    assertEquals(List.of(8081), List.copyOf(QuorateProcess.PROBE_NODE.ports(Map.of())));
    assertTrue(QuorateProcess.PROBE_NODE.environmentNames().containsKey("QUORATE_PROBE_TOKEN"));
  }
}
