package io.quorate.bench.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoordinatorBenchOptionsTest {

  @Test
  void theDefaultsAreTheIssuesThreeSteps() {
    CoordinatorBenchOptions options = CoordinatorBenchOptions.parse();
    assertEquals(List.of(1_000, 10_000, 100_000), options.monitors());
    assertEquals(30_000, options.offeredPerSecond());
    assertEquals(200, options.incidentSample());
    assertEquals(Optional.empty(), options.dbUrl());
  }

  @Test
  void quickRunsTheTwoSmallStepsShortly() {
    CoordinatorBenchOptions options = CoordinatorBenchOptions.parse("--quick");
    assertEquals(List.of(1_000, 10_000), options.monitors());
    assertEquals(1, options.windows());
    assertEquals(50, options.incidentSample());
  }

  @Test
  void aStepTooSmallForItsIncidentSamplesIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CoordinatorBenchOptions.parse("--monitors", "300", "--incident-loads", "50,80"));
    assertTrue(e.getMessage().contains("--monitors 300"), e.getMessage());
  }

  @Test
  void unknownOptionsAndScenariosAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> CoordinatorBenchOptions.parse("--monitor", "1000"));
    assertThrows(IllegalArgumentException.class, () -> CoordinatorBenchOptions.parse("ingest"));
    assertThrows(IllegalArgumentException.class, () -> CoordinatorBenchOptions.parse("--incident-loads", "0"));
  }
}
