package io.quorate.coordinator.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How far a quorum of regions has delivered: the k-th newest region watermark, never past now. */
class KnownUntilTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Map<String, Instant> THREE = Map.of(
      "eu-west", NOW.minusSeconds(1), "us-east", NOW.minusSeconds(2), "ap-south", NOW.minusSeconds(600));

  @Test
  void aMajorityByDefault() {
    KnownUntil known = KnownUntil.compute(THREE, Optional.empty(), NOW);
    assertEquals(NOW.minusSeconds(2), known.at());
    assertEquals(2, known.quorum());
  }

  @Test
  void aQuorumOfAllWaitsForTheSlowestAndOfOneForTheFastest() {
    assertEquals(NOW.minusSeconds(600), KnownUntil.compute(THREE, Optional.of(3), NOW).at());
    assertEquals(NOW.minusSeconds(1), KnownUntil.compute(THREE, Optional.of(1), NOW).at());
    assertEquals(NOW.minusSeconds(600), KnownUntil.compute(THREE, Optional.of(7), NOW).at(), "capped at the regions reporting");
  }

  @Test
  void withoutProbesOnlyTheCoordinatorsOwnPingsExistAndEverythingIsKnown() {
    assertEquals(NOW, KnownUntil.compute(Map.of(), Optional.empty(), NOW).at());
  }

  @Test
  void aWatermarkAheadOfThisClockDoesNotMoveKnownUntilPastNow() {
    assertEquals(NOW, KnownUntil.compute(Map.of("eu-west", NOW.plusSeconds(5)), Optional.empty(), NOW).at());
  }

  @Test
  void namesTheRegionsBehindADeadline() {
    KnownUntil known = KnownUntil.compute(THREE, Optional.empty(), NOW);
    assertEquals(List.of("ap-south"), known.behind(NOW.minusSeconds(60)));
    assertEquals("2 of 3 regions delivered every ping received before 2026-11-24 09:59:00 UTC; quorum 2; behind: ap-south",
        known.agreement(NOW.minusSeconds(60)));
  }
}
