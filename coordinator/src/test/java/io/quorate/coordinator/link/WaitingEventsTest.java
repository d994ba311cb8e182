package io.quorate.coordinator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.Event;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void routineObservationsAreStoredFromTheHeadInBatchesOf256() {
    add(routine(600, 100));
    assertEquals(LongStream.rangeClosed(1, 256).boxed().toList(), seqs(waiting.nextBatch()));
    assertEquals(256, waiting.storedThrough());
    assertEquals(256, waiting.nextBatch().size());
    assertEquals(88, waiting.nextBatch().size());
    assertEquals(600, waiting.storedThrough());
    assertTrue(waiting.nextBatch().isEmpty());
  }

  @Test
  void eachEventKeepsWhenItWasReadOffTheStreamWhenItGoesAhead() {
    add(routine(300, 300));
    Instant routineReadAt = readAt;
    Event failure = down("m7");
    add(List.of(failure));

    List<ReceivedEvent> express = waiting.nextBatch();
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

    assertEquals(List.of(8L, 308L, 608L, failure.getSeq(), 909L), seqs(waiting.nextBatch()));
    assertEquals(0, waiting.storedThrough(), "seq 1 still waits: nothing past it may be acknowledged");
    assertEquals(LongStream.rangeClosed(1, 257).filter(s -> s != 8).boxed().toList(), seqs(waiting.nextBatch()),
        "then the head, without what went ahead");
  }

  @Test
  void everyEventIsStoredOnceAndTheAcknowledgementReachesTheLast() {
    add(routine(500, 50));
    add(List.of(down("m3"), ping(), down("m4")));
    add(routine(500, 50));
    List<Long> stored = new ArrayList<>();
    for (List<ReceivedEvent> batch = waiting.nextBatch(); !batch.isEmpty(); batch = waiting.nextBatch()) {
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
    for (List<ReceivedEvent> batch = waiting.nextBatch(); !batch.isEmpty(); batch = waiting.nextBatch()) {
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
      assertEquals(List.of(recovering.getSeq()), seqs(waiting.nextBatch()), "UP run " + run + " after the DOWN");
      drain();
    }
    List<Event> head = others(300);
    add(head);
    add(List.of(up("m1")));
    assertEquals(head.get(0).getSeq(), waiting.nextBatch().get(0).event().getSeq(), "routine again: stored in its turn");
  }

  /** UP runs of monitors other than the m-numbered ones. */
  private List<Event> others(int count) {
    return upRuns("other", count, count);
  }

  private void drain() {
    while (!waiting.nextBatch().isEmpty()) {
      // stored
    }
  }

  @Test
  void headAndExpressBatchesAlternateSoManyFailuresCannotStarveTheRest() {
    add(routine(1000, 1000));
    for (int round = 0; round < 3; round++) {
      add(List.of(down("f" + round)));
      List<ReceivedEvent> express = waiting.nextBatch();
      assertEquals(1, express.size());
      List<ReceivedEvent> head = waiting.nextBatch();
      assertEquals(256 * round + 1, head.get(0).event().getSeq(), "the head moves between express batches");
    }
  }

  @Test
  void pingsAreNeverReorderedAndStillBatchTogether() {
    add(List.of(ping(), ping(), up("m1"), ping()));
    assertEquals(List.of(1L, 2L), seqs(waiting.nextBatch()));
    assertEquals(List.of(3L), seqs(waiting.nextBatch()));
    assertEquals(List.of(4L), seqs(waiting.nextBatch()));
  }

  @Test
  void anUrgentRunWithinTheHeadBatchNeedsNoExpressBatch() {
    add(routine(10, 10));
    add(List.of(down("m2")));
    add(routine(10, 10));
    assertEquals(LongStream.rangeClosed(1, 21).boxed().toList(), seqs(waiting.nextBatch()));
  }
}
