package io.quorate.coordinator.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.HoldingReceiver.Arrival;
import io.quorate.coordinator.support.HoldingReceiver.Fate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a receiver may see when a coordinator dies: a notification whose request had reached the receiver
 * before its sender died cannot be known to have arrived, so another node sends it again under the same key
 * (the receiver drops the repeat). Any other repeat is a bug.
 */
public final class RepeatAudit {
  /**
   * A request answered this shortly before the kill may not have been recorded as delivered by the node
   * before it died (writing the outcome is one more database round trip, slow on a loaded machine).
   */
  private static final Duration RECORDING = Duration.ofSeconds(2);

  private RepeatAudit() {}

  /**
   * Every key of the event (e.g. "incident.opened", "trigger") the receiver saw more than once was seen exactly
   * twice: first in flight at the kill (the sender hung up, or its answer went out just before the kill), then
   * once after the kill.
   */
  public static void assertRepeatsOnlyInFlightAt(HoldingReceiver receiver, String event, Instant killedAt) {
    for (Map.Entry<String, List<Arrival>> entry : receiver.byKey(event).entrySet()) {
      List<Arrival> copies = entry.getValue();
      if (copies.size() == 1) {
        continue;
      }
      assertTrue(copies.size() == 2 && inFlightAt(copies.get(0), killedAt) && copies.get(1).arrivedAt().isAfter(killedAt),
          "key " + entry.getKey() + " repeated although it was not in flight at the kill (" + killedAt + "): " + copies);
    }
  }

  /** @return the keys of the event whose first request was cut off by the kill (the sender hung up before the answer) */
  public static List<String> cutOff(HoldingReceiver receiver, String event) {
    return receiver.byKey(event).entrySet().stream()
        .filter(entry -> entry.getValue().get(0).fate() == Fate.SENDER_HUNG_UP)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static boolean inFlightAt(Arrival first, Instant killedAt) {
    if (!first.arrivedAt().isBefore(killedAt)) {
      return false;
    }
    return first.fate() == Fate.SENDER_HUNG_UP
        || first.fate() == Fate.ANSWERED && !first.answeredAt().isBefore(killedAt.minus(RECORDING));
  }
}
