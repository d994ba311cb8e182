package io.quorate.coordinator.status;

import static io.quorate.coordinator.status.PublicState.DEGRADED;
import static io.quorate.coordinator.status.PublicState.OPERATIONAL;
import static io.quorate.coordinator.status.PublicState.OUTAGE;
import static io.quorate.coordinator.status.PublicState.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status page's headline from its components' states. */
class PublicStateTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                                | OPERATIONAL
      OPERATIONAL,OPERATIONAL           | OPERATIONAL
      OPERATIONAL,UNKNOWN               | OPERATIONAL
      UNKNOWN                           | OPERATIONAL
      OPERATIONAL,DEGRADED              | DEGRADED
      OPERATIONAL,OUTAGE                | DEGRADED
      OUTAGE,DEGRADED                   | DEGRADED
      OUTAGE,OUTAGE,UNKNOWN             | OUTAGE
      OUTAGE                            | OUTAGE
      """)
  void anOutageOnlyWhenEveryComponentWithDataIsDown(String components, PublicState overall) {
    List<PublicState> states = components.isBlank() ? List.of()
        : Arrays.stream(components.split(",")).map(PublicState::valueOf).toList();
    assertEquals(overall, PublicState.overall(states));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"down, OUTAGE", "late, DEGRADED", "up, OPERATIONAL", "running, OPERATIONAL", "pending, UNKNOWN",
      "new, UNKNOWN", "paused, UNKNOWN"})
  void foldsInternalStatesIntoFour(String monitorState, PublicState shown) {
    assertEquals(shown, PublicState.ofMonitorState(monitorState));
    assertEquals(List.of(OPERATIONAL, DEGRADED, OUTAGE, UNKNOWN), List.of(PublicState.values()));
  }
}
