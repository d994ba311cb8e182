package io.quorate.coordinator.link;

import io.quorate.link.v1.Event;
import io.quorate.link.v1.Outcome;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The events of one probe stream waiting to be stored, and which of them go into the next batch.
 *
 * <p>Batches are normally taken from the head, in the order the probe sent them. But a busy stream holds up
 * to a thousand events, and the observation that completes a quorum (a DOWN, or an UP that ends an outage)
 * would wait behind all of them, seconds at full load. So urgent observations go first, in an express batch of
 * their own: each urgent observation together with every earlier waiting observation of the same monitor,
 * so a monitor's observations are still stored in the order the probe sent them (monitors are independent:
 * one monitor's verdicts and incidents never read another's observations). Express and head batches
 * alternate while both wait, so a region that reports many failing monitors cannot starve the rest.
 *
 * <p>Storing out of order does not weaken the acknowledgement: {@link #storedThrough()} is the highest seq
 * below which everything is stored, and a resend after a reconnect is deduplicated by event id.
 */
final class WaitingEvents {
  static final int MAX_PINGS_PER_BATCH = 500;
  static final int MAX_OBSERVATIONS_PER_BATCH = 256;
  /**
   * UP runs after a DOWN that still count as urgent: a recovery threshold (consecutive successes) needs
   * more than the first; after this many the monitor is routine again.
   */
  static final int RECOVERY_RUNS = 10;

  private record Waiting(Event event, Instant receivedAt, boolean urgent) {}

  private final Deque<Waiting> waiting = new ArrayDeque<>();
  /** Monitors seen DOWN in this stream and not yet {@link #RECOVERY_RUNS} UP runs since. */
  private final Map<String, Integer> upRunsSinceDown = new HashMap<>();
  private int urgentWaiting;
  private boolean lastBatchWasExpress;
  private long highestSeq;

  /** Adds events in the order the probe sent them, read off the stream at {@code receivedAt}. */
  void addAll(List<Event> events, Instant receivedAt) {
    for (Event event : events) {
      boolean urgent = event.hasObservation() && urgent(event);
      waiting.add(new Waiting(event, receivedAt, urgent));
      if (urgent) {
        urgentWaiting++;
      }
      highestSeq = Math.max(highestSeq, event.getSeq());
    }
  }

  private boolean urgent(Event event) {
    String monitorId = event.getObservation().getMonitorId();
    if (event.getObservation().getOutcome() != Outcome.OUTCOME_UP) {
      upRunsSinceDown.put(monitorId, 0);
      return true;
    }
    Integer upRuns = upRunsSinceDown.get(monitorId);
    if (upRuns == null) {
      return false;
    }
    if (upRuns + 1 >= RECOVERY_RUNS) {
      upRunsSinceDown.remove(monitorId);
    } else {
      upRunsSinceDown.put(monitorId, upRuns + 1);
    }
    return true;
  }

  int size() {
    return waiting.size();
  }

  /** The next events to store together, taken out of the queue; empty when nothing waits. */
  List<ReceivedEvent> nextBatch() {
    boolean express = urgentWaiting > 0 && !lastBatchWasExpress && !headBatchHoldsEveryUrgent();
    lastBatchWasExpress = express;
    return express ? expressBatch() : headBatch();
  }

  /**
   * After the last batch taken was stored (and before the next is taken): every event with this seq or lower
   * is stored.
   */
  long storedThrough() {
    Waiting head = waiting.peek();
    return head == null ? highestSeq : head.event().getSeq() - 1;
  }

  /**
   * Consecutive events of one kind share one transaction (thousands of pings arrive per second at the top of
   * the hour; observations arrive from every check of the region). The cap on observations keeps the wait of
   * an observation queued behind a batch short.
   */
  private List<ReceivedEvent> headBatch() {
    Waiting first = waiting.peek();
    if (first == null) {
      return List.of();
    }
    List<ReceivedEvent> batch = new ArrayList<>();
    int max = first.event().hasPing() ? MAX_PINGS_PER_BATCH : MAX_OBSERVATIONS_PER_BATCH;
    boolean batchable = first.event().hasPing() || first.event().hasObservation();
    do {
      take(waiting.poll(), batch);
    } while (batchable && batch.size() < max && waiting.peek() != null
        && sameKind(first.event(), waiting.peek().event()));
    return batch;
  }

  /** Whether the head batch would take every urgent observation anyway: then it is the express batch. */
  private boolean headBatchHoldsEveryUrgent() {
    Waiting first = waiting.peek();
    if (first == null || !first.event().hasObservation()) {
      return false;
    }
    int urgentInReach = 0;
    int inReach = 0;
    for (Waiting w : waiting) {
      if (inReach == MAX_OBSERVATIONS_PER_BATCH || !w.event().hasObservation()) {
        break;
      }
      inReach++;
      if (w.urgent()) {
        urgentInReach++;
      }
    }
    return urgentInReach == urgentWaiting;
  }

  /** Urgent observations with every earlier waiting observation of their monitors, in the order sent. */
  private List<ReceivedEvent> expressBatch() {
    Map<String, Long> lastUrgentSeq = new HashMap<>();
    for (Waiting w : waiting) {
      if (w.urgent()) {
        lastUrgentSeq.put(w.event().getObservation().getMonitorId(), w.event().getSeq());
      }
    }
    List<ReceivedEvent> batch = new ArrayList<>();
    // Taken in the order sent, so a full batch holds each monitor's earliest runs and the rest wait behind them.
    for (Iterator<Waiting> it = waiting.iterator(); it.hasNext() && batch.size() < MAX_OBSERVATIONS_PER_BATCH; ) {
      Waiting w = it.next();
      if (!w.event().hasObservation()) {
        continue;
      }
      Long until = lastUrgentSeq.get(w.event().getObservation().getMonitorId());
      if (until != null && w.event().getSeq() <= until) {
        it.remove();
        take(w, batch);
      }
    }
    return batch;
  }

  private void take(Waiting w, List<ReceivedEvent> batch) {
    if (w.urgent()) {
      urgentWaiting--;
    }
    batch.add(new ReceivedEvent(w.event(), w.receivedAt()));
  }

  private static boolean sameKind(Event a, Event b) {
    return a.hasPing() == b.hasPing() && a.hasObservation() == b.hasObservation();
  }
}
