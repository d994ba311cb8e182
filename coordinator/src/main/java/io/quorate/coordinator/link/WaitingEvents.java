package io.quorate.coordinator.link;

import io.quorate.link.v1.Event;
import io.quorate.link.v1.Outcome;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events of one probe stream waiting to be stored, which of them go into the next batch, and which batches
 * are being stored.
 *
 * <p>Batches are normally taken from the head, in the order the probe sent them. But a busy stream holds up
 * to a thousand events, and the observation that completes a quorum (a DOWN, or an UP that ends an outage)
 * would wait behind all of them, seconds at full load. So urgent observations go first, in an express batch of
 * their own: each urgent observation together with every earlier waiting observation of the same monitor,
 * so a monitor's observations are still stored in the order the probe sent them (monitors are independent:
 * one monitor's verdicts and incidents never read another's observations). Express and head batches
 * alternate while both wait, so a region that reports many failing monitors cannot starve the rest.
 *
 * <p>An urgent observation need not wait for the batch being stored either: {@link #expressBeside} gives an
 * express batch that may be stored at the same time. Two batches stored at once never share a monitor (a
 * monitor with an observation in flight is skipped, with all its later observations, until that batch is
 * stored), so each monitor's observations are still stored one batch after another in the order sent.
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

  private record Waiting(Event event, Instant receivedAt, boolean urgent) {
    String monitorId() {
      return event.getObservation().getMonitorId();
    }
  }

  /** A batch being stored: its lowest seq holds back the acknowledgement, its monitors wait for it. */
  private record InFlight(List<ReceivedEvent> events, long lowestSeq, Set<String> monitors) {}

  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private final List<InFlight> inFlight = new ArrayList<>(2);
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

  /**
   * The next events to store together, taken out of the queue and in flight until {@link #stored}; empty when
   * nothing waits that may be stored now. Head and express batches take turns.
   */
  List<ReceivedEvent> nextBatch() {
    List<Waiting> head = headBatch();
    if (urgentWaiting > 0 && !lastBatchWasExpress) {
      List<Waiting> express = expressBatch();
      // When the head batch holds every urgent observation an express batch could, it is the express batch.
      if (urgentCount(express) > urgentCount(head)) {
        lastBatchWasExpress = true;
        return take(express);
      }
    }
    lastBatchWasExpress = false;
    return take(head);
  }

  /**
   * An express batch to store beside the batches in flight, or empty when no urgent observation of a monitor
   * without one in flight waits. It does not take a turn from the head ({@link #nextBatch}).
   */
  List<ReceivedEvent> expressBeside() {
    return urgentWaiting == 0 ? List.of() : take(expressBatch());
  }

  /** The batch, as {@link #nextBatch} or {@link #expressBeside} gave it, is stored: its monitors are free. */
  void stored(List<ReceivedEvent> batch) {
    inFlight.removeIf(f -> f.events() == batch);
  }

  /** Every event with this seq or lower is stored: none waits and none is in flight. */
  long storedThrough() {
    long lowestNotStored = Long.MAX_VALUE;
    if (!waiting.isEmpty()) {
      lowestNotStored = waiting.peek().event().getSeq();
    }
    for (InFlight f : inFlight) {
      lowestNotStored = Math.min(lowestNotStored, f.lowestSeq());
    }
    return lowestNotStored == Long.MAX_VALUE ? highestSeq : lowestNotStored - 1;
  }

  /**
   * Consecutive events of one kind share one transaction (thousands of pings arrive per second at the top of
   * the hour; observations arrive from every check of the region). The cap on observations keeps the wait of
   * an observation queued behind a batch short. Observations of monitors in flight stay where they are.
   */
  private List<Waiting> headBatch() {
    List<Waiting> batch = new ArrayList<>();
    Event first = null;
    for (Waiting w : waiting) {
      if (w.event().hasObservation() && busy(w.monitorId())) {
        continue;
      }
      if (first == null) {
        first = w.event();
      } else if (!sameKind(first, w.event()) || batch.size() == maxBatch(first)) {
        break;
      }
      batch.add(w);
      if (!first.hasPing() && !first.hasObservation()) {
        break; // an event of a kind this node does not know is stored on its own
      }
    }
    return batch;
  }

  /**
   * Urgent observations of monitors without one in flight, with every earlier waiting observation of their
   * monitors, in the order sent.
   */
  private List<Waiting> expressBatch() {
    Map<String, Long> lastUrgentSeq = new HashMap<>();
    for (Waiting w : waiting) {
      if (w.urgent() && !busy(w.monitorId())) {
        lastUrgentSeq.put(w.monitorId(), w.event().getSeq());
      }
    }
    List<Waiting> batch = new ArrayList<>();
    if (lastUrgentSeq.isEmpty()) {
      return batch;
    }
    // Taken in the order sent, so a full batch holds each monitor's earliest runs and the rest wait behind them.
    for (Waiting w : waiting) {
      if (batch.size() == MAX_OBSERVATIONS_PER_BATCH) {
        break;
      }
      if (!w.event().hasObservation()) {
        continue;
      }
      Long until = lastUrgentSeq.get(w.monitorId());
      if (until != null && w.event().getSeq() <= until) {
        batch.add(w);
      }
    }
    return batch;
  }

  /** Moves the chosen events from the queue into a batch in flight. */
  private List<ReceivedEvent> take(List<Waiting> chosen) {
    if (chosen.isEmpty()) {
      return List.of();
    }
    Set<Waiting> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    taken.addAll(chosen);
    if (taken.size() == waiting.size()) {
      waiting.clear();
    } else {
      waiting.removeIf(taken::contains);
    }
    List<ReceivedEvent> batch = new ArrayList<>(chosen.size());
    Set<String> monitors = new HashSet<>();
    long lowestSeq = Long.MAX_VALUE;
    for (Waiting w : chosen) {
      if (w.urgent()) {
        urgentWaiting--;
      }
      if (w.event().hasObservation()) {
        monitors.add(w.monitorId());
      }
      lowestSeq = Math.min(lowestSeq, w.event().getSeq());
      batch.add(new ReceivedEvent(w.event(), w.receivedAt()));
    }
    inFlight.add(new InFlight(batch, lowestSeq, monitors));
    return batch;
  }

  private boolean busy(String monitorId) {
    for (InFlight f : inFlight) {
      if (f.monitors().contains(monitorId)) {
        return true;
      }
    }
    return false;
  }

  private static int urgentCount(List<Waiting> batch) {
    int urgent = 0;
    for (Waiting w : batch) {
      if (w.urgent()) {
        urgent++;
      }
    }
    return urgent;
  }

  private static int maxBatch(Event first) {
    return first.hasPing() ? MAX_PINGS_PER_BATCH : MAX_OBSERVATIONS_PER_BATCH;
  }

  private static boolean sameKind(Event a, Event b) {
    return a.hasPing() == b.hasPing() && a.hasObservation() == b.hasObservation();
  }
}
