package io.quorate.probe.link;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.link.v1.Observation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Events waiting for the coordinator's {@code Ack}, in sequence order. Memory only: a process restart
 * loses what is not yet acknowledged (durable spooling is a later step).
 *
 * <p>Every event gets the next sequence number (from 1, growing for the life of the process) and a random
 * event id. {@link #ack(long)} forgets everything up to a sequence number; everything else stays and is
 * sent again after a reconnect, so the coordinator may see an event twice and deduplicates by event id.
 *
 * <p>Bounded at {@code capacity} events. When full, a new observation or ping pushes out the oldest
 * <em>observation</em> (counted in {@code quorate_probe_outbox_dropped_total}): a later observation of the
 * same monitor says more than an old one. Pings are never pushed out; when the outbox holds nothing but
 * pings, a new observation is dropped and a new ping is refused ({@link #offer(HeartbeatPing)} returns
 * false) so the worker that sent it hears a 503 and retries.
 *
 * <p>Not thread-safe: used from the probe node's event loop only.
 */
public final class Outbox {
  private final int capacity;
  private final NavigableMap<Long, Event> events = new TreeMap<>();
  /** Sequence numbers of the observations in {@link #events}, oldest first: the eviction order. */
  private final ArrayDeque<Long> observations = new ArrayDeque<>();
  private final Counter droppedObservations;
  private long lastSeq;
  private volatile int size;
  private Runnable listener = () -> { };
  /**
   * Event ids are this process's random prefix plus the sequence number: unique across processes and
   * restarts like a UUID per event, without drawing from the (locked) secure random source thousands of
   * times per second.
   */
  private final String idPrefix = UUID.randomUUID() + ":";

  public Outbox(int capacity, MeterRegistry registry) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    Gauge.builder("quorate.probe.outbox.events", this, Outbox::size)
        .description("Events waiting for the coordinator's acknowledgement").register(registry);
    this.droppedObservations = Counter.builder("quorate.probe.outbox.dropped").tag("kind", "observation")
        .description("Events dropped because the outbox was full").register(registry);
  }

  /** Called after each new event, e.g. to send it right away when the link is up. */
  public void onAppend(Runnable listener) {
    this.listener = listener;
  }

  /** Adds an observation, pushing out the oldest observation when full. Always succeeds. */
  public void add(Observation observation) {
    if (events.size() >= capacity && !evictOldestObservation()) {
      droppedObservations.increment();
      return;
    }
    long seq = append(Event.newBuilder().setObservation(observation));
    observations.addLast(seq);
    listener.run();
  }

  /** Adds a ping unless the outbox holds nothing but pings; false means refused. */
  public boolean offer(HeartbeatPing ping) {
    if (events.size() >= capacity && !evictOldestObservation()) {
      return false;
    }
    append(Event.newBuilder().setPing(ping));
    listener.run();
    return true;
  }

  /** The first event after {@code seq}, or null when there is none. */
  public Event next(long seq) {
    Map.Entry<Long, Event> entry = events.higherEntry(seq);
    return entry == null ? null : entry.getValue();
  }

  /**
   * The events after {@code seq}, in order, up to {@code maxEvents} and about {@code maxBytes} encoded (at
   * least one event, whatever its size); empty when there are none.
   */
  public List<Event> nextBatch(long seq, int maxEvents, int maxBytes) {
    List<Event> batch = new ArrayList<>();
    int bytes = 0;
    for (Event event : events.tailMap(seq, false).values()) {
      bytes += event.getSerializedSize();
      if (batch.size() == maxEvents || (!batch.isEmpty() && bytes > maxBytes)) {
        break;
      }
      batch.add(event);
    }
    return batch;
  }

  /** Forgets every event up to and including {@code seq}: the coordinator has stored them. */
  public void ack(long seq) {
    events.headMap(seq, true).clear();
    while (!observations.isEmpty() && observations.peekFirst() <= seq) {
      observations.pollFirst();
    }
    size = events.size();
  }

  public int size() {
    return size;
  }

  /** The sequence number of the newest event ever added, 0 before the first. */
  public long lastSeq() {
    return lastSeq;
  }

  public double dropped() {
    return droppedObservations.count();
  }

  private long append(Event.Builder event) {
    long seq = ++lastSeq;
    events.put(seq, event.setSeq(seq).setEventId(idPrefix + seq).build());
    size = events.size();
    return seq;
  }

  private boolean evictOldestObservation() {
    Long oldest = observations.pollFirst();
    if (oldest == null) {
      return false;
    }
    events.remove(oldest);
    droppedObservations.increment();
    return true;
  }
}
