package io.quorate.coordinator.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegionVerdictTest {
  private static final Instant T = Instant.parse("2026-11-23T12:00:00Z");

  /**
   * A sequence of outcomes (d = down, u = up) folded with a number of confirmations and recoveries, and the
   * verdicts after each.
   */
  static Stream<Arguments> sequences() {
    return Stream.of(
        Arguments.of("d", 2, 1, "pending"),
        Arguments.of("dd", 2, 1, "pending,down"),
        Arguments.of("ddd", 2, 1, "pending,down,down"),
        Arguments.of("u", 2, 1, "up"),
        Arguments.of("ud", 2, 1, "up,up"),
        Arguments.of("udd", 2, 1, "up,up,down"),
        Arguments.of("uddu", 2, 1, "up,up,down,up"),
        Arguments.of("udud", 2, 1, "up,up,up,up"),
        Arguments.of("d", 1, 1, "down"),
        Arguments.of("uddd", 3, 1, "up,up,up,down"),
        // Recoveries: a region that voted down needs that many successes in a row to vote up again.
        Arguments.of("u", 2, 3, "up"),
        Arguments.of("dduu", 2, 2, "pending,down,down,up"),
        Arguments.of("ddudu", 2, 2, "pending,down,down,down,down"),
        Arguments.of("dduuu", 1, 3, "down,down,down,down,up"),
        Arguments.of("ddudduu", 2, 2, "pending,down,down,down,down,down,up"));
  }

  @ParameterizedTest(name = "{0} with {1} confirmations and {2} recoveries gives {3}")
  @MethodSource("sequences")
  void turnsDownAfterConsecutiveFailuresAndUpAfterConsecutiveSuccesses(String outcomes, int confirmations,
      int recoveries, String expected) {
    Optional<RegionVerdict> current = Optional.empty();
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < outcomes.length(); i++) {
      boolean down = outcomes.charAt(i) == 'd';
      current = Optional.of(RegionVerdict.fold(current, "eu-west", down, T.plusSeconds(i), down ? "failed" : "",
          new JsonObject(), new JsonObject(), confirmations, recoveries));
      seen.append(i == 0 ? "" : ",").append(current.get().verdict().label());
    }
    assertEquals(expected, seen.toString());
  }
}
