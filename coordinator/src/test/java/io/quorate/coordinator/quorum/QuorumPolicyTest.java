package io.quorate.coordinator.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuorumPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final Duration STALE_AFTER = Duration.ofSeconds(70);
  private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");

  /**
   * Region verdicts written as "eu-west=down", "us-east=up@200" (seconds old), "ap-south=pending", and
   * "ap-south=up!2" (the verdict is up but the last 2 runs failed, not yet confirmed).
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no verdicts yet", List.of(), 2, false,
            Decision.Action.HOLD, "waiting for the first verdicts from 3 regions", List.of()),
        Arguments.of("all up", List.of("eu-west=up", "us-east=up", "ap-south=up"), 2, false,
            Decision.Action.HOLD, "3 of 3 regions up (eu-west, us-east, ap-south), none down", List.of()),
        Arguments.of("one region down is below quorum and named", List.of("eu-west=up", "us-east=up", "ap-south=down"), 2, false,
            Decision.Action.HOLD, "1 of 3 regions down (ap-south): below quorum 2, no alert", List.of("ap-south")),
        Arguments.of("two of three down opens", List.of("eu-west=down", "us-east=down", "ap-south=up"), 2, false,
            Decision.Action.OPEN, "2 of 3 regions down (eu-west, us-east); quorum 2: incident open", List.of("eu-west", "us-east")),
        Arguments.of("quorum of one opens on one region", List.of("eu-west=down", "us-east=up"), 1, false,
            Decision.Action.OPEN, "1 of 3 regions down (eu-west); quorum 1: incident open", List.of("eu-west")),
        Arguments.of("already open does not open again", List.of("eu-west=down", "us-east=down", "ap-south=down"), 2, true,
            Decision.Action.HOLD, "incident open: 3 of 3 regions down (eu-west, us-east, ap-south), 0 up; 2 must be up to resolve",
            List.of("eu-west", "us-east", "ap-south")),
        Arguments.of("one recovered region does not resolve", List.of("eu-west=up", "us-east=down", "ap-south=down"), 2, true,
            Decision.Action.HOLD, "incident open: 2 of 3 regions down (us-east, ap-south), 1 up; 2 must be up to resolve",
            List.of("us-east", "ap-south")),
        Arguments.of("two recovered regions resolve", List.of("eu-west=up", "us-east=up", "ap-south=down"), 2, true,
            Decision.Action.RESOLVE, "2 of 3 regions up (eu-west, us-east); quorum 2: incident resolved", List.of("ap-south")),
        Arguments.of("stale down verdicts do not vote", List.of("eu-west=down@200", "us-east=down", "ap-south=up"), 2, false,
            Decision.Action.HOLD, "1 of 3 regions down (us-east): below quorum 2, no alert", List.of("us-east")),
        Arguments.of("too many stale regions make quorum impossible", List.of("eu-west=up@200", "us-east=down@90", "ap-south=down"), 2, false,
            Decision.Action.HOLD, "no quorum possible: 2 of 3 regions stale (eu-west, us-east); quorum 2", List.of("ap-south")),
        Arguments.of("stale regions keep an open incident open", List.of("eu-west=up@200", "us-east=up@200", "ap-south=up"), 2, true,
            Decision.Action.HOLD, "no quorum possible: 2 of 3 regions stale (eu-west, us-east); quorum 2: incident stays open", List.of()),
        Arguments.of("pending regions do not vote", List.of("eu-west=pending", "us-east=down", "ap-south=down"), 2, false,
            Decision.Action.OPEN, "2 of 3 regions down (us-east, ap-south); quorum 2: incident open", List.of("us-east", "ap-south")),
        Arguments.of("a verdict exactly at the stale limit still votes", List.of("eu-west=down@70", "us-east=down"), 2, false,
            Decision.Action.OPEN, "2 of 3 regions down (eu-west, us-east); quorum 2: incident open", List.of("eu-west", "us-east")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesFromRegionVerdicts(String name, List<String> verdicts, int quorum, boolean open,
      Decision.Action action, String explanation, List<String> regionsDown) {
    Decision decision = QuorumPolicy.decide(REGIONS, quorum, parse(verdicts), NOW, STALE_AFTER, open);
    assertEquals(action, decision.action());
    assertEquals(explanation, decision.explanation());
    assertEquals(regionsDown, decision.regionsDown());
  }

  /** Regions excluded because their probes are degraded, and regions failing but not yet confirmed. */
  static Stream<Arguments> excludedAndUnconfirmed() {
    return Stream.of(
        Arguments.of("an excluded region's down vote does not count",
            List.of("eu-west=down", "us-east=up", "ap-south=down"), Map.of("eu-west", "probe disconnected"), 2,
            Decision.Action.HOLD,
            "1 of 3 regions down (ap-south): below quorum 2, no alert; 1 of 3 excluded (eu-west: probe disconnected)"),
        Arguments.of("two regions still open an incident with a third excluded",
            List.of("eu-west=down", "us-east=down"), Map.of("ap-south", "probe lagging 45s"), 2,
            Decision.Action.OPEN, "2 of 3 regions down (eu-west, us-east); quorum 2: incident open"),
        Arguments.of("excluded and stale regions together make quorum impossible",
            List.of("eu-west=down", "us-east=down@300", "ap-south=down"), Map.of("eu-west", "probe failing its own checks"), 2,
            Decision.Action.HOLD, "no quorum possible: 2 of 3 regions stale or excluded (us-east, eu-west); quorum 2;"
                + " 1 of 3 excluded (eu-west: probe failing its own checks)"),
        Arguments.of("a region failing below its confirmations still votes up, and is named",
            List.of("eu-west=up", "us-east=up", "ap-south=up!1"), Map.of(), 3,
            Decision.Action.HOLD, "3 of 3 regions up (eu-west, us-east, ap-south), none down;"
                + " failing, not yet confirmed: ap-south (1 in a row, 3 needed)"),
        Arguments.of("a first failure before any verdict is named too",
            List.of("ap-south=pending!2"), Map.of(), 3,
            Decision.Action.HOLD, "0 of 3 regions up, none down; failing, not yet confirmed: ap-south (2 in a row, 3 needed)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("excludedAndUnconfirmed")
  void leavesExcludedRegionsOutAndNamesUnconfirmedFailures(String name, List<String> verdicts,
      Map<String, String> excluded, int confirmations, Decision.Action action, String explanation) {
    Decision decision = QuorumPolicy.decide(REGIONS, 2, parse(verdicts), NOW, STALE_AFTER, false, excluded, confirmations);
    assertEquals(action, decision.action());
    assertEquals(explanation, decision.explanation());
  }

  @org.junit.jupiter.api.Test
  void reasonCombinesWhatTheDownRegionsReport() {
    Map<String, RegionVerdict> verdicts = new HashMap<>();
    verdicts.put("eu-west", verdict("eu-west", Verdict.DOWN, 0, "[BODY].enqueued (5234) < 1000 — failed"));
    verdicts.put("us-east", verdict("us-east", Verdict.DOWN, 0, "[BODY].enqueued (5234) < 1000 — failed"));
    verdicts.put("ap-south", verdict("ap-south", Verdict.DOWN, 0, "timeout after 500 ms"));
    Decision decision = QuorumPolicy.decide(REGIONS, 2, verdicts, NOW, STALE_AFTER, false);
    assertEquals("[BODY].enqueued (5234) < 1000 — failed; timeout after 500 ms", decision.reason());
  }

  private static Map<String, RegionVerdict> parse(List<String> specs) {
    Map<String, RegionVerdict> verdicts = new HashMap<>();
    for (String spec : specs) {
      String[] regionAndRest = spec.split("=");
      String[] failingAndStreak = regionAndRest[1].split("!");
      String[] verdictAndAge = failingAndStreak[0].split("@");
      long age = verdictAndAge.length > 1 ? Long.parseLong(verdictAndAge[1]) : 0;
      RegionVerdict v = verdict(regionAndRest[0], Verdict.fromLabel(verdictAndAge[0]), age, "");
      if (failingAndStreak.length > 1) {
        v = new RegionVerdict(v.region(), v.verdict(), true, Integer.parseInt(failingAndStreak[1]), v.lastObservedAt(),
            "failed", new JsonObject(), new JsonObject());
      }
      verdicts.put(regionAndRest[0], v);
    }
    return verdicts;
  }

  private static RegionVerdict verdict(String region, Verdict verdict, long secondsOld, String reason) {
    return new RegionVerdict(region, verdict, verdict == Verdict.DOWN, 1, NOW.minusSeconds(secondsOld), reason, new JsonObject(), new JsonObject());
  }
}
