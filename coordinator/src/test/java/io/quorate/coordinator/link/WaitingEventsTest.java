package io.quorate.coordinator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.Event;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Which events a busy stream stores next, and what it may then acknowledge. */
class WaitingEventsTest {
  private final WaitingEvents waiting = new WaitingEvents();
  private long seq;
  private Instant readAt = Instant.parse("2026-12-06T03:00:00Z");

  private Event observation(String monitor, Outcome outcome) {
    seq++;
    return Event.newBuilder().setSeq(seq).setEventId("e" + seq)
        .setObservation(Observation.newBuilder().setMonitorId(monitor).setOutcome(outcome)).build();
  }

  private Event up(String monitor) {
    return observation(monitor, Outcome.OUTCOME_UP);
  }

  private Event down(String monitor) {
    return observation(monitor, Outcome.OUTCOME_DOWN);
  }

  private Event ping() {
    seq++;
    return Event.newBuilder().setSeq(seq).setEventId("e" + seq).setPing(HeartbeatPing.getDefaultInstance()).build();
  }

  /** Routine UP runs of {@code monitors} monitors, round robin, as a busy region sends them. */
  private List<Event> routine(int count, int monitors) {
    return upRuns("m", count, monitors);
  }

  private List<Event> upRuns(String monitorPrefix, int count, int monitors) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(up(monitorPrefix + (i % monitors)));
    }
    return events;
  }

  private static List<Long> seqs(List<ReceivedEvent> batch) {
    return batch.stream().map(r -> r.event().getSeq()).toList();
  }

  /** Events as one message of the stream brings them, read a millisecond after the previous message. */
  private void add(List<Event> events) {
    readAt = readAt.plusMillis(1);
    waiting.addAll(events, readAt);
  }

  /** The next batch, stored at once (nothing else in flight). */
  private List<ReceivedEvent> next() {
    List<ReceivedEvent> batch = waiting.nextBatch();
    waiting.stored(batch);
    return batch;
  }

  @Test
  void routineObservationsAreStoredFromTheHeadInBatchesOf256() {
    add(routine(600, 100));
    assertEquals(LongStream.rangeClosed(1, 256).boxed().toList(), seqs(next()));
    assertEquals(256, waiting.storedThrough());
    assertEquals(256, next().size());
    assertEquals(88, next().size());
    assertEquals(600, waiting.storedThrough());
    assertTrue(next().isEmpty());
  }

  @Test
  void eachEventKeepsWhenItWasReadOffTheStreamWhenItGoesAhead() {
    add(routine(300, 300));
    Instant routineReadAt = readAt;
    Event failure = down("m7");
    add(List.of(failure));

    List<ReceivedEvent> express = next();
    assertEquals(List.of(8L, failure.getSeq()), seqs(express));
    assertEquals(List.of(routineReadAt, readAt), express.stream().map(ReceivedEvent::receivedAt).toList(),
        "the DOWN's time is when it was read, not when its batch was taken");
    assertTrue(routineReadAt.isBefore(readAt));
  }

  @Test
  void aDownBehindAThousandRoutineRunsGoesFirstWithTheEarlierRunsOfItsMonitor() {
    add(routine(900, 300)); // m7 ran at seq 8, 308 and 608
    Event failure = down("m7");
    add(List.of(failure));
    add(routine(100, 300)); // m7 again at 909: the first run after its DOWN, urgent as a recovery

    assertEquals(List.of(8L, 308L, 608L, failure.getSeq(), 909L), seqs(next()));
    assertEquals(0, waiting.storedThrough(), "seq 1 still waits: nothing past it may be acknowledged");
    assertEquals(LongStream.rangeClosed(1, 257).filter(s -> s != 8).boxed().toList(), seqs(next()),
        "then the head, without what went ahead");
  }

  @Test
  void everyEventIsStoredOnceAndTheAcknowledgementReachesTheLast() {
    add(routine(500, 50));
    add(List.of(down("m3"), ping(), down("m4")));
    add(routine(500, 50));
    List<Long> stored = new ArrayList<>();
    for (List<ReceivedEvent> batch = next(); !batch.isEmpty(); batch = next()) {
      stored.addAll(seqs(batch));
    }
    assertEquals(LongStream.rangeClosed(1, seq).boxed().toList(), stored.stream().sorted().toList());
    assertEquals(seq, waiting.storedThrough());
  }

  @Test
  void aMonitorsObservationsKeepTheOrderTheProbeSentThem() {
    add(routine(400, 40));
    add(List.of(down("m5")));
    add(routine(400, 40));
    add(List.of(down("m5")));
    List<Long> m5 = new ArrayList<>();
    for (List<ReceivedEvent> batch = next(); !batch.isEmpty(); batch = next()) {
      batch.stream().map(ReceivedEvent::event).filter(e -> e.getObservation().getMonitorId().equals("m5")).forEach(e -> m5.add(e.getSeq()));
    }
    assertEquals(m5.stream().sorted().toList(), m5);
    assertEquals(22, m5.size(), "10 runs, a DOWN, 10 runs, a DOWN");
  }

  @Test
  void theRunsThatEndAnOutageAreUrgentTooThenTheMonitorIsRoutineAgain() {
    add(List.of(down("m1")));
    drain();
    for (int run = 1; run <= WaitingEvents.RECOVERY_RUNS; run++) {
      add(others(300));
      Event recovering = up("m1");
      add(List.of(recovering));
      assertEquals(List.of(recovering.getSeq()), seqs(next()), "UP run " + run + " after the DOWN");
      drain();
    }
    List<Event> head = others(300);
    add(head);
    add(List.of(up("m1")));
    assertEquals(head.get(0).getSeq(), next().get(0).event().getSeq(), "routine again: stored in its turn");
  }

  /** UP runs of monitors other than the m-numbered ones. */
  private List<Event> others(int count) {
    return upRuns("other", count, count);
  }

  private void drain() {
    while (!next().isEmpty()) {
      // stored
    }
  }

  @Test
  void headAndExpressBatchesAlternateSoManyFailuresCannotStarveTheRest() {
    add(routine(1000, 1000));
    for (int round = 0; round < 3; round++) {
      add(List.of(down("f" + round)));
      List<ReceivedEvent> express = next();
      assertEquals(1, express.size());
      List<ReceivedEvent> head = next();
      assertEquals(256 * round + 1, head.get(0).event().getSeq(), "the head moves between express batches");
    }
  }

  @Test
  void pingsAreNeverReorderedAndStillBatchTogether() {
    add(List.of(ping(), ping(), up("m1"), ping()));
    assertEquals(List.of(1L, 2L), seqs(next()));
    assertEquals(List.of(3L), seqs(next()));
    assertEquals(List.of(4L), seqs(next()));
  }

  @Test
  void anUrgentRunWithinTheHeadBatchNeedsNoExpressBatch() {
    add(routine(10, 10));
    add(List.of(down("m2")));
    add(routine(10, 10));
    assertEquals(LongStream.rangeClosed(1, 21).boxed().toList(), seqs(next()));
  }

  @Test
  void anUrgentObservationIsStoredBesideTheBatchInFlightUnlessItsMonitorIsInIt() {
    add(routine(600, 300)); // m7 at seq 8 (in the head batch) and 308, m280 at seq 281 and 581
    List<ReceivedEvent> head = waiting.nextBatch();
    assertEquals(LongStream.rangeClosed(1, 256).boxed().toList(), seqs(head));
    Event inFlightMonitorFails = down("m7");
    Event otherMonitorFails = down("m280");
    add(List.of(inFlightMonitorFails, otherMonitorFails));

    List<ReceivedEvent> beside = waiting.expressBeside();
    assertEquals(List.of(281L, 581L, otherMonitorFails.getSeq()), seqs(beside),
        "m7 waits for the batch holding its run");
    assertTrue(waiting.expressBeside().isEmpty(), "m7's DOWN is the only urgent run left, and m7 is in flight");
    waiting.stored(beside);
    assertEquals(0, waiting.storedThrough(), "seq 1 is still in flight");
    waiting.stored(head);
    assertEquals(256, waiting.storedThrough());
    assertEquals(List.of(308L, inFlightMonitorFails.getSeq()), seqs(next()), "then m7's DOWN goes first");
  }

  @Test
  void theHeadSkipsAMonitorInFlightUntilItsBatchIsStored() {
    add(routine(300, 300));
    List<ReceivedEvent> head = waiting.nextBatch();
    add(List.of(down("m260"), up("m260"))); // seq 301, 302: both urgent (a DOWN, the first run after it)
    List<ReceivedEvent> beside = waiting.expressBeside();
    assertEquals(List.of(261L, 301L, 302L), seqs(beside));
    add(List.of(up("m260"))); // seq 303: arrives while its monitor's batch is in flight
    waiting.stored(head);

    assertEquals(LongStream.rangeClosed(257, 300).filter(s -> s != 261).boxed().toList(), seqs(next()),
        "m260's run at 303 waits for the batch in flight");
    assertEquals(260, waiting.storedThrough(), "seq 261 is still in flight");
    waiting.stored(beside);
    assertEquals(302, waiting.storedThrough());
    assertEquals(List.of(303L), seqs(next()));
    assertEquals(303, waiting.storedThrough());
  }

  /**
   * Two lanes as a session runs them, finishing in a random order: every event is stored once, each monitor's
   * runs in the order sent, two batches in flight never share a monitor, and the acknowledgement never passes
   * an event that is not stored.
   */
  @Test
  void batchesInFlightSideBySideStoreEverythingOnceAndInOrderPerMonitor() {
    Random random = new Random(20261206);
    List<ReceivedEvent> lane = List.of();
    List<ReceivedEvent> besideLane = List.of();
    Set<Long> stored = new HashSet<>();
    Map<String, Long> lastStoredSeq = new HashMap<>();
    int sent = 0;
    while (sent < 5_000 || !lane.isEmpty() || !besideLane.isEmpty() || waiting.size() > 0) {
      if (sent < 5_000) {
        List<Event> message = new ArrayList<>();
        for (int i = 0; i < 40; i++, sent++) {
          String monitor = "m" + random.nextInt(60);
          message.add(random.nextInt(25) == 0 ? down(monitor) : random.nextInt(30) == 0 ? ping() : up(monitor));
        }
        add(message);
      }
      if (lane.isEmpty()) {
        lane = waiting.nextBatch();
      }
      if (!lane.isEmpty() && besideLane.isEmpty()) {
        besideLane = waiting.expressBeside();
      }
      assertTrue(Collections.disjoint(monitors(lane), monitors(besideLane)), "two batches share a monitor");
      boolean finishBeside = !besideLane.isEmpty() && (lane.isEmpty() || random.nextBoolean());
      List<ReceivedEvent> done = finishBeside ? besideLane : lane;
      for (ReceivedEvent r : done) {
        assertTrue(stored.add(r.event().getSeq()), "stored twice: " + r.event().getSeq());
        if (r.event().hasObservation()) {
          Long before = lastStoredSeq.put(r.event().getObservation().getMonitorId(), r.event().getSeq());
          assertTrue(before == null || before < r.event().getSeq(), "a monitor's runs out of order");
        }
      }
      waiting.stored(done);
      if (finishBeside) {
        besideLane = List.of();
      } else {
        lane = List.of();
      }
      long through = waiting.storedThrough();
      assertTrue(LongStream.rangeClosed(1, through).allMatch(stored::contains), "acknowledged past a gap: " + through);
    }
    assertEquals(seq, stored.size());
    assertEquals(seq, waiting.storedThrough());
  }

  private static Set<String> monitors(List<ReceivedEvent> batch) {
    return batch.stream().filter(r -> r.event().hasObservation()).map(r -> r.event().getObservation().getMonitorId())
        .collect(Collectors.toSet());
  }
}
