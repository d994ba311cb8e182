package io.quorate.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckSlotsTest {

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 29_999, 30_000, 1_700_000_000_123L})
  void theNextSlotIsWithinOneIntervalAndKeepsTheMonitorsPhase(long now) {
    String monitor = "0b6f3f9e-1111-4222-8333-444455556666";
    long slot = CheckScheduler.nextSlot(now, 30_000, monitor);
    assertTrue(slot > now && slot <= now + 30_000, "slot " + slot + " after " + now);
    assertEquals(Math.floorMod(monitor.hashCode(), 30_000L), Math.floorMod(slot, 30_000L));
    assertEquals(slot + 30_000, CheckScheduler.nextSlot(slot, 30_000, monitor), "at the slot, the next is one interval on");
  }

  @Test
  void monitorsWithTheSameIntervalAreSpreadOverIt() {
    Set<Long> seconds = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      seconds.add(CheckScheduler.nextSlot(0, 30_000, UUID.randomUUID().toString()) / 1000);
    }
    assertTrue(seconds.size() > 20, "100 monitors fall into " + seconds.size() + " distinct seconds of 30");
  }
}
