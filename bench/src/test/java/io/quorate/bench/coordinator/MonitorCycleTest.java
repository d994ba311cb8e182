package io.quorate.bench.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitorCycleTest {
  private static final List<MonitorCycle.Assigned> FIVE = List.of(m("a"), m("b"), m("c"), m("d"), m("e"));

  @Test
  void eachRegionGoesRoundAllMonitorsFromItsOwnOffset() {
    MonitorCycle cycle = new MonitorCycle(FIVE, 3);
    assertEquals(List.of("d", "e", "a", "b", "c", "d"), take(cycle, 6));
  }

  @ParameterizedTest(name = "region {0} of {1} over {2} monitors starts at {3}")
  @CsvSource({
      "0, 3, 1000, 0",
      "1, 3, 1000, 333",
      "2, 3, 1000, 666",
      "2, 3, 100000, 66666",
      "1, 3, 2, 0",
  })
  void regionsStartSpreadOverTheMonitors(int region, int regions, int size, int offset) {
    assertEquals(offset, MonitorCycle.offset(region, regions, size));
  }

  @Test
  void excludedMonitorsAreSkipped() {
    MonitorCycle cycle = new MonitorCycle(FIVE, 0);
    cycle.exclude(Set.of("b", "d"));
    assertEquals(List.of("a", "c", "e", "a"), take(cycle, 4));
  }

  @Test
  void excludingEveryMonitorOrHavingNoneIsRefused() {
    MonitorCycle cycle = new MonitorCycle(FIVE, 0);
    assertThrows(IllegalArgumentException.class, () -> cycle.exclude(Set.of("a", "b", "c", "d", "e")));
    assertThrows(IllegalArgumentException.class, () -> new MonitorCycle(List.of(), 0));
  }

  private static List<String> take(MonitorCycle cycle, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(cycle.next().id());
    }
    return ids;
  }

  private static MonitorCycle.Assigned m(String id) {
    return new MonitorCycle.Assigned(id, 1);
  }
}
