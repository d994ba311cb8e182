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

  /** Region verdicts written as "eu-west=down", "us-east=up@200" (seconds old), "ap-south=pending". */
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
      String[] verdictAndAge = regionAndRest[1].split("@");
      long age = verdictAndAge.length > 1 ? Long.parseLong(verdictAndAge[1]) : 0;
      verdicts.put(regionAndRest[0], verdict(regionAndRest[0], Verdict.fromLabel(verdictAndAge[0]), age, ""));
    }
    return verdicts;
  }

  private static RegionVerdict verdict(String region, Verdict verdict, long secondsOld, String reason) {
    return new RegionVerdict(region, verdict, verdict == Verdict.DOWN, 1, NOW.minusSeconds(secondsOld), reason, new JsonObject(), new JsonObject());
  }
}
