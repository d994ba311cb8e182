package io.quorate.probe.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.link.v1.Observation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private static Observation observation(String monitor) {
    return Observation.newBuilder().setMonitorId(monitor).build();
  }

  private static HeartbeatPing ping(String id) {
    return HeartbeatPing.newBuilder().setPingId(id).build();
  }

  private static List<Event> drain(Outbox outbox, long after) {
    List<Event> events = new ArrayList<>();
    for (Event e = outbox.next(after); e != null; e = outbox.next(e.getSeq())) {
      events.add(e);
    }
    return events;
  }

  @Test
  void numbersEventsFromOneWithUniqueIds() {
    Outbox outbox = new Outbox(10, registry);
    outbox.add(observation("a"));
    assertTrue(outbox.offer(ping("p")));
    outbox.add(observation("b"));
    List<Event> events = drain(outbox, 0);
    assertEquals(List.of(1L, 2L, 3L), events.stream().map(Event::getSeq).toList());
    assertEquals(3, events.stream().map(Event::getEventId).distinct().count());
    assertTrue(events.get(1).hasPing());
    assertEquals(3, outbox.lastSeq());
  }

  @Test
  void eventIdsDifferBetweenProcessesThatReuseSequenceNumbers() {
    Outbox before = new Outbox(10, registry);
    Outbox afterRestart = new Outbox(10, new SimpleMeterRegistry());
    before.add(observation("a"));
    afterRestart.add(observation("a"));
    assertEquals(before.next(0).getSeq(), afterRestart.next(0).getSeq());
    assertNotEquals(before.next(0).getEventId(), afterRestart.next(0).getEventId(),
        "the coordinator would drop the second as a resend of the first");
  }

  @Test
  void aBatchHoldsTheNextEventsUpToItsCountAndSize() {
    Outbox outbox = new Outbox(100, registry);
    for (int i = 0; i < 10; i++) {
      outbox.add(observation("m" + i));
    }
    assertEquals(List.of(3L, 4L, 5L, 6L), outbox.nextBatch(2, 4, 1 << 20).stream().map(Event::getSeq).toList());
    int one = outbox.next(0).getSerializedSize();
    assertEquals(List.of(1L, 2L), outbox.nextBatch(0, 100, one * 2 + 1).stream().map(Event::getSeq).toList(),
        "stops before the byte limit");
    assertEquals(List.of(1L), outbox.nextBatch(0, 100, 1).stream().map(Event::getSeq).toList(),
        "an event larger than the limit still goes, alone");
    assertTrue(outbox.nextBatch(10, 100, 1 << 20).isEmpty());
  }

  @Test
  void anAckForgetsEverythingUpToItsSeqAndKeepsTheRest() {
    Outbox outbox = new Outbox(10, registry);
    for (int i = 0; i < 5; i++) {
      outbox.add(observation("m" + i));
    }
    outbox.ack(3);
    assertEquals(List.of(4L, 5L), drain(outbox, 0).stream().map(Event::getSeq).toList());
    assertEquals(2, outbox.size());
    outbox.add(observation("m5"));
    assertEquals(6, drain(outbox, 5).get(0).getSeq(), "numbers keep growing after an ack");
  }

  @Test
  void whenFullTheOldestObservationMakesRoomAndIsCounted() {
    Outbox outbox = new Outbox(3, registry);
    outbox.add(observation("old"));
    assertTrue(outbox.offer(ping("p1")));
    outbox.add(observation("mid"));
    outbox.add(observation("new"));
    List<Event> events = drain(outbox, 0);
    assertEquals(List.of("p1", "mid", "new"), events.stream()
        .map(e -> e.hasPing() ? e.getPing().getPingId() : e.getObservation().getMonitorId()).toList());
    assertEquals(1.0, outbox.dropped());
    assertEquals(1.0, registry.get("quorate.probe.outbox.dropped").counter().count());
    assertEquals(3.0, registry.get("quorate.probe.outbox.events").gauge().value());
  }

  @Test
  void neverDropsPingsAndRefusesNewOnesWhenFullOfPings() {
    Outbox outbox = new Outbox(2, registry);
    assertTrue(outbox.offer(ping("p1")));
    outbox.add(observation("o1"));
    assertTrue(outbox.offer(ping("p2")), "a ping pushes out the observation");
    assertFalse(outbox.offer(ping("p3")), "no observation left to push out");
    outbox.add(observation("o2"));
    assertEquals(List.of("p1", "p2"), drain(outbox, 0).stream().map(e -> e.getPing().getPingId()).toList());
    assertEquals(2.0, outbox.dropped(), "o1 pushed out and o2 dropped");
  }

  @Test
  void tellsTheListenerAboutEachNewEvent() {
    Outbox outbox = new Outbox(5, registry);
    int[] calls = {0};
    outbox.onAppend(() -> calls[0]++);
    outbox.add(observation("a"));
    outbox.offer(ping("p"));
    assertEquals(2, calls[0]);
    assertNull(outbox.next(2));
    assertNotEquals(null, outbox.next(1));
  }
}
