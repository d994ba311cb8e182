package io.quorate.probe.link;

import static io.quorate.probe.support.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.link.v1.Observation;
import io.quorate.probe.spool.Spool;
import io.quorate.probe.support.OnContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real spool directory, driven on a real event loop as in the probe node. */
class OutboxTest {
  private static final long MIB = 1024 * 1024;

  @TempDir
  Path dir;
  private Vertx vertx;
  private OnContext loop;
  private final List<Spool> spools = new ArrayList<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    loop = new OnContext(vertx);
  }

  @AfterEach
  void tearDown() {
    spools.forEach(Spool::close);
    vertx.close().await();
  }

  private Outbox outbox(int memoryCapacity, long spoolMaxBytes) {
    try {
      Spool spool = Spool.open(dir, spoolMaxBytes, 64 * 1024);
      spools.add(spool);
      return loop.call(() -> new Outbox(memoryCapacity, spool, loop.context(), new SimpleMeterRegistry()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Closes the spool as a process exit would, so the next {@link #outbox} recovers the directory. */
  private void restart() {
    spools.remove(spools.size() - 1).close();
  }

  private static Observation observation(String monitor) {
    return Observation.newBuilder().setMonitorId(monitor).build();
  }

  private static HeartbeatPing ping(String id, long receivedAt) {
    return HeartbeatPing.newBuilder().setPingId(id).setReceivedAtMs(receivedAt).build();
  }

  private List<Event> sendable(Outbox outbox) {
    return loop.call(() -> outbox.nextBatch(0, Integer.MAX_VALUE, Integer.MAX_VALUE));
  }

  private static List<String> names(List<Event> events) {
    return events.stream().map(e -> e.hasPing() ? e.getPing().getPingId() : e.getObservation().getMonitorId()).toList();
  }

  @Test
  void numbersEventsFromOneAndMakesThemSendableOnceDurable() {
    Outbox outbox = outbox(10, 16 * MIB);
    Future<Void> durable = loop.call(() -> {
      outbox.add(observation("a"));
      Future<Void> stored = outbox.offer(ping("p", 1));
      outbox.add(observation("b"));
      assertTrue(outbox.nextBatch(0, 10, 1 << 20).isEmpty(), "nothing is sent before the spool fsynced it");
      return stored;
    });
    durable.await();
    await(() -> sendable(outbox).size() == 3, () -> "three events sendable, got " + sendable(outbox));
    List<Event> events = sendable(outbox);
    assertEquals(List.of(1L, 2L, 3L), events.stream().map(Event::getSeq).toList());
    assertEquals(3, events.stream().map(Event::getEventId).distinct().count());
    assertEquals(List.of("a", "p", "b"), names(events));
  }

  @Test
  void aBatchHoldsTheNextEventsUpToItsCountAndSize() {
    Outbox outbox = outbox(100, 16 * MIB);
    loop.run(() -> {
      for (int i = 0; i < 10; i++) {
        outbox.add(observation("m" + i));
      }
    });
    await(() -> sendable(outbox).size() == 10, () -> "ten sendable events");
    assertEquals(List.of(3L, 4L, 5L, 6L), loop.call(() -> outbox.nextBatch(2, 4, 1 << 20)).stream()
        .map(Event::getSeq).toList());
    int one = loop.call(() -> outbox.next(0).getSerializedSize());
    assertEquals(List.of(1L, 2L), loop.call(() -> outbox.nextBatch(0, 100, one * 2 + 1)).stream()
        .map(Event::getSeq).toList(), "stops before the byte limit");
    assertEquals(List.of(1L), loop.call(() -> outbox.nextBatch(0, 100, 1)).stream().map(Event::getSeq).toList(),
        "an event larger than the limit still goes, alone");
  }

  @Test
  void anAckForgetsEverythingUpToItsSeqAndKeepsTheRest() {
    Outbox outbox = outbox(10, 16 * MIB);
    loop.run(() -> {
      for (int i = 0; i < 5; i++) {
        outbox.add(observation("m" + i));
      }
    });
    await(() -> sendable(outbox).size() == 5, () -> "five sendable events");
    loop.run(() -> outbox.ack(3));
    assertEquals(List.of(4L, 5L), sendable(outbox).stream().map(Event::getSeq).toList());
    assertEquals(2, outbox.size());
  }

  @Test
  void pastItsMemoryCapacityEventsWaitOnDiskAndComeBackInOrderAsAcksMakeRoom() {
    Outbox outbox = outbox(4, 16 * MIB);
    List<Future<Void>> stored = loop.call(() -> {
      List<Future<Void>> all = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        all.add(outbox.offer(ping("p" + i, i)));
      }
      return all;
    });
    Future.all(stored).await();
    List<String> delivered = new ArrayList<>();
    long acked = 0;
    while (delivered.size() < 20) {
      long after = acked;
      await(() -> !sendable(outbox).isEmpty(), () -> "events after seq " + after + " readable again");
      List<Event> batch = sendable(outbox);
      assertTrue(batch.size() <= 4, "memory holds at most its capacity, held " + batch.size());
      delivered.addAll(names(batch));
      acked = batch.get(batch.size() - 1).getSeq();
      long ack = acked;
      loop.run(() -> outbox.ack(ack));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      expected.add("p" + i);
    }
    assertEquals(expected, delivered);
    assertEquals(0, outbox.size());
  }

  @Test
  void aFullSpoolRefusesPingsAndDropsObservationsButKeepsWhatItAccepted() {
    Outbox outbox = outbox(1000, MIB);
    String body = "x".repeat(100 * 1024);
    List<Future<Void>> answers = loop.call(() -> {
      List<Future<Void>> all = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        all.add(outbox.offer(ping("p" + i, i).toBuilder().setBody(body).build()));
      }
      for (int i = 0; i < 5000; i++) {
        outbox.add(observation("observation-" + i));
      }
      return all;
    });
    Future.join(answers).otherwiseEmpty().await();
    long accepted = answers.stream().filter(Future::succeeded).count();
    assertTrue(accepted >= 9 && accepted <= 10, "about 1 MiB of 100 KiB pings accepted, got " + accepted);
    answers.stream().filter(Future::failed)
        .forEach(refused -> assertInstanceOf(OutboxFullException.class, refused.cause()));
    assertTrue(outbox.dropped() > 0, "observations beyond the limit are dropped, not kept");
    await(() -> sendable(outbox).stream().filter(Event::hasPing).count() == accepted,
        () -> "every accepted ping sendable");
  }

  @Test
  void afterARestartUnacknowledgedEventsComeBackWithTheirNumbersIdsAndTimes() {
    Outbox before = outbox(10, 16 * MIB);
    Future.all(loop.call(() -> List.of(before.offer(ping("p1", 1000)), before.offer(ping("p2", 2000)),
        before.offer(ping("p3", 3000))))).await();
    await(() -> sendable(before).size() == 3, () -> "three sendable events");
    List<Event> original = sendable(before);
    loop.run(() -> before.ack(1));
    restart();

    Outbox after = outbox(10, 16 * MIB);
    await(() -> sendable(after).size() >= 2, () -> "recovered events readable");
    List<Event> replayed = sendable(after);
    assertEquals(original.subList(original.size() - 2, original.size()), replayed.subList(replayed.size() - 2,
        replayed.size()), "the same seq, event id, receive time and body");
    loop.call(() -> after.offer(ping("p4", 4000))).await();
    await(() -> sendable(after).stream().anyMatch(e -> e.getPing().getPingId().equals("p4")), () -> "p4 sendable");
    Event p4 = sendable(after).get(sendable(after).size() - 1);
    assertEquals(4, p4.getSeq(), "numbers continue after the recovered ones");
    assertNotEquals(original.get(0).getEventId().split(":")[0], p4.getEventId().split(":")[0],
        "a new process has its own event id prefix");
  }

  @Test
  void theOldestUnsentPingBoundsTheWatermark() {
    Outbox outbox = outbox(10, 16 * MIB);
    Future.all(loop.call(() -> {
      outbox.add(observation("o"));
      return List.of(outbox.offer(ping("p1", 1000)), outbox.offer(ping("p2", 2000)));
    })).await();
    assertEquals(1000, loop.call(() -> outbox.oldestPingAfter(0)));
    assertEquals(1000, loop.call(() -> outbox.oldestPingAfter(1)));
    assertEquals(2000, loop.call(() -> outbox.oldestPingAfter(2)));
    assertEquals(Long.MAX_VALUE, loop.call(() -> outbox.oldestPingAfter(3)));
  }
}
