package io.quorate.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 99, 4_999, 49_999, 1_000_000})
  void monitorIdsLookLikeUuidsAndGiveTheirIndexBack(int index) {
    String id = Load.monitorId(index);
    assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}"), id);
    assertEquals(index, Load.indexOf(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"m-12", "", "not-a-uuid-at-all-but-thirty-six-ch", "0d3f6a2e-91c4-4b7e-a1f2-zzzzzzzzzzzz"})
  void idsTheBenchmarkDidNotMakeHaveNoIndex(String id) {
    assertEquals(-1, Load.indexOf(id));
  }

  @Test
  void slotOffsetsOfConsecutiveMonitorsAreSpreadEvenlyOverTheInterval() {
    int[] perTenth = new int[10];
    for (int i = 0; i < 5_000; i++) {
      perTenth[(int) (Slots.offset(Load.monitorId(i), 1_000) / 100)]++;
    }
    for (int count : perTenth) {
      assertTrue(count > 400 && count < 600, "monitors per 100 ms of the interval: " + Arrays.toString(perTenth));
    }
  }

  @Test
  void theHangSetIsTheGivenShareOfMonitorsAndRampMonitorsStayOutOfIt() {
    Load load = new Load(6_000, 2_500, 2_000, 10, true);
    Ramp ramp = new Ramp(25, 2_000);
    assertEquals(600, load.hangSetSize());
    assertEquals(1_500, ramp.firstCount(6_000));
    for (int i = 0; i < 6_000; i++) {
      assertTrue(!(load.inHangSet(i) && ramp.first(i)), "monitor " + i + " is in both");
    }
    assertTrue(load.path(0).startsWith("/hang/"));
    assertTrue(new Load(6_000, 2_500, 2_000, 10, false).path(0).endsWith("/stats"));
  }

  @Test
  void offeredRateIsMonitorsPerInterval() {
    assertEquals(5_000, Load.healthy(5_000, 1_000, 2_000).offeredPerSecond(), 1e-9);
    assertEquals(833.3, Load.healthy(50_000, 60_000, 2_000).offeredPerSecond(), 0.1);
    assertEquals(1_800, new Load(5_000, 2_500, 2_000, 10, true).steadyPerSecond(), 1e-9);
  }
}
