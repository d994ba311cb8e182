package io.quorate.probe.link;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.link.v1.Observation;
import io.quorate.probe.spool.Spool;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events waiting for the coordinator's {@code Ack}, in sequence order, backed by the durable {@link Spool}.
 *
 * <p>Every event gets the next sequence number and an event id, and is appended to the spool; it may be
 * sent only once the spool has fsynced it, and a ping's {@link #offer} future completes only then, so a
 * worker hears 200 only for a ping that survives a crash. Writes are group-committed: events arriving while
 * one fsync runs share the next one.
 *
 * <p>Up to {@code memoryCapacity} unacknowledged events are also kept in memory for sending. Past that
 * (a long coordinator outage) new events live on disk only, and are read back from the spool in order as
 * acknowledgements make room: memory stays bounded, the spool's size limit is the real one. When the spool
 * is full a ping is refused (its future fails with {@link OutboxFullException}: the worker hears 503 and
 * retries) and an observation is dropped and counted: the next run of the check reports again.
 *
 * <p>{@link #ack(long)} forgets everything up to a sequence number and lets the spool delete those segments;
 * everything else is sent again after a reconnect or a restart (with its first sequence number, event id
 * and receive time), and the coordinator deduplicates by event id.
 *
 * <p>Not thread-safe: used from the probe node's event loop ({@code context}) only.
 */
public final class Outbox {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  /** Events read back from the spool per read. */
  private static final int REFILL_BATCH = 4096;

  private final int memoryCapacity;
  private final Spool spool;
  private final Context context;
  private final Counter droppedObservations;
  private final Timer commits;
  private final DistributionSummary commitSizes;
  /** Unacknowledged events in memory: a run from the oldest unacknowledged one, without gaps but failed writes. */
  private final NavigableMap<Long, Event> memory = new TreeMap<>();
  private List<Event> unwritten = new ArrayList<>();
  private List<Promise<Void>> unwrittenWaiters = new ArrayList<>();
  private long unwrittenBytes;
  private boolean writing;
  private long lastSeq;
  /** Every event up to here is fsynced (or failed and gone). */
  private long durableSeq;
  /** First event that is on disk only, 0 when memory holds every unacknowledged event. */
  private long spilledFrom;
  private long spilledEvents;
  /** Earliest receive time of a ping on disk only; 0 when unknown (recovered events). */
  private long spilledOldestPingAt = Long.MAX_VALUE;
  private boolean refilling;
  private volatile int size;
  private Runnable listener = () -> { };
  /**
   * Event ids are this process's random prefix plus the sequence number: unique across processes and
   * restarts like a UUID per event, without drawing from the (locked) secure random source thousands of
   * times per second.
   */
  private final String idPrefix = UUID.randomUUID() + ":";

  public Outbox(int memoryCapacity, Spool spool, Context context, MeterRegistry registry) {
    if (memoryCapacity < 1) {
      throw new IllegalArgumentException("memoryCapacity must be at least 1");
    }
    this.memoryCapacity = memoryCapacity;
    this.spool = spool;
    this.context = context;
    Gauge.builder("quorate.probe.outbox.events", this, Outbox::size)
        .description("Events waiting for the coordinator's acknowledgement").register(registry);
    Gauge.builder("quorate.probe.spool.bytes", spool, Spool::bytes).baseUnit("bytes")
        .description("Bytes in the ping and observation spool").register(registry);
    Gauge.builder("quorate.probe.spool.max.bytes", spool, Spool::maxBytes).baseUnit("bytes")
        .description("The spool's size limit; pings are refused with 503 beyond it").register(registry);
    this.droppedObservations = Counter.builder("quorate.probe.outbox.dropped").tag("kind", "observation")
        .description("Observations dropped because the spool was full").register(registry);
    this.commits = Timer.builder("quorate.probe.spool.commit").publishPercentiles(0.5, 0.99)
        .description("Time to write and fsync one group commit").register(registry);
    this.commitSizes = DistributionSummary.builder("quorate.probe.spool.commit.events").publishPercentiles(0.5, 0.99)
        .description("Events per group commit: how many pings share one fsync").register(registry);
    resumeFromSpool();
  }

  /** Events found in the spool at start are sent first, read back from disk in order. */
  private void resumeFromSpool() {
    if (spool.recoveredEvents() == 0) {
      return;
    }
    lastSeq = spool.recoveredLastSeq();
    durableSeq = lastSeq;
    spilledFrom = spool.recoveredFirstSeq();
    spilledEvents = spool.recoveredEvents();
    spilledOldestPingAt = 0;
    size = (int) Math.min(Integer.MAX_VALUE, spilledEvents);
    maybeRefill();
  }

  /** Called when events become ready to send, e.g. to send them right away when the link is up. */
  public void onAppend(Runnable listener) {
    this.listener = listener;
  }

  /** Adds an observation; dropped (and counted) when the spool is full. */
  public void add(Observation observation) {
    Event.Builder event = Event.newBuilder().setObservation(observation);
    if (full(observation.getSerializedSize())) {
      droppedObservations.increment();
      return;
    }
    append(event, 0);
  }

  /**
   * Adds a ping. The future succeeds once the ping is durable in the spool, and fails with
   * {@link OutboxFullException} at once when the spool is full, or with the I/O error when writing failed.
   */
  public Future<Void> offer(HeartbeatPing ping) {
    Event.Builder event = Event.newBuilder().setPing(ping);
    if (full(ping.getSerializedSize())) {
      return Future.failedFuture(new OutboxFullException(spool.bytes() + unwrittenBytes, spool.maxBytes()));
    }
    return append(event, ping.getReceivedAtMs());
  }

  /** Bytes in the spool's files. May be read from any thread. */
  public long spoolBytes() {
    return spool.bytes();
  }

  /** Whether a ping of about {@code bytes} would be refused now. */
  public boolean full(int bytes) {
    return spool.bytes() + unwrittenBytes + bytes > spool.maxBytes();
  }

  /** The first sendable event after {@code seq}, or null when there is none. */
  public Event next(long seq) {
    Map.Entry<Long, Event> entry = memory.higherEntry(seq);
    return entry == null || entry.getKey() > durableSeq ? null : entry.getValue();
  }

  /**
   * The sendable (durable) events after {@code seq}, in order, up to {@code maxEvents} and about
   * {@code maxBytes} encoded (at least one event, whatever its size); empty when there are none.
   */
  public List<Event> nextBatch(long seq, int maxEvents, int maxBytes) {
    List<Event> batch = new ArrayList<>();
    int bytes = 0;
    for (Event event : memory.subMap(seq, false, durableSeq, true).values()) {
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
    memory.headMap(seq, true).clear();
    spool.deleteThrough(seq);
    updateSize();
    maybeRefill();
  }

  /**
   * The earliest receive time of a ping with a sequence number above {@code seq} (not yet sent), or
   * {@link Long#MAX_VALUE} when there is none: a watermark may not claim a later time.
   */
  public long oldestPingAfter(long seq) {
    long oldest = spilledFrom == 0 ? Long.MAX_VALUE : spilledOldestPingAt;
    for (Event event : memory.tailMap(seq, false).values()) {
      if (event.hasPing()) {
        oldest = Math.min(oldest, event.getPing().getReceivedAtMs());
        break;
      }
    }
    return oldest;
  }

  /** Unacknowledged events, in memory and on disk only. May be read from any thread. */
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

  private Future<Void> append(Event.Builder builder, long pingReceivedAt) {
    long seq = ++lastSeq;
    Event event = builder.setSeq(seq).setEventId(idPrefix + seq).build();
    if (spilledFrom == 0 && memory.size() < memoryCapacity) {
      memory.put(seq, event);
    } else {
      spill(seq, event, pingReceivedAt);
    }
    Promise<Void> durable = Promise.promise();
    unwritten.add(event);
    unwrittenWaiters.add(durable);
    unwrittenBytes += event.getSerializedSize();
    updateSize();
    flush();
    return durable.future();
  }

  private void spill(long seq, Event event, long pingReceivedAt) {
    if (spilledFrom == 0) {
      spilledFrom = seq;
    }
    spilledEvents++;
    if (event.hasPing()) {
      spilledOldestPingAt = Math.min(spilledOldestPingAt, pingReceivedAt);
    }
  }

  /** Starts the next group commit unless one is running; the events that arrive meanwhile wait for the next. */
  private void flush() {
    if (writing || unwritten.isEmpty()) {
      return;
    }
    writing = true;
    List<Event> batch = unwritten;
    List<Promise<Void>> waiters = unwrittenWaiters;
    long batchBytes = unwrittenBytes;
    unwritten = new ArrayList<>();
    unwrittenWaiters = new ArrayList<>();
    long started = System.nanoTime();
    commitSizes.record(batch.size());
    spool.write(batch).whenComplete((ok, error) -> context.runOnContext(v -> {
      commits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      unwrittenBytes -= batchBytes;
      durableSeq = batch.get(batch.size() - 1).getSeq();
      writing = false;
      if (error == null) {
        waiters.forEach(Promise::complete);
      } else {
        forget(batch);
        log.error("spool write failed events={} error={}", batch.size(), error.getCause() == null ? error : error.getCause());
        waiters.forEach(waiter -> waiter.fail(error.getCause() == null ? error : error.getCause()));
      }
      flush();
      maybeRefill();
      listener.run();
    }));
  }

  /** Drops the events of a failed write: their pings were refused, and nothing of them is on disk. */
  private void forget(List<Event> batch) {
    for (Event event : batch) {
      if (memory.remove(event.getSeq()) == null && spilledFrom != 0 && event.getSeq() >= spilledFrom) {
        spilledEvents--;
      }
    }
    updateSize();
  }

  /** Reads events on disk only back into memory when there is room and the next ones are durable. */
  private void maybeRefill() {
    if (spilledFrom == 0 || refilling || memory.size() > memoryCapacity / 2 || spilledFrom > durableSeq) {
      return;
    }
    refilling = true;
    int room = Math.min(REFILL_BATCH, memoryCapacity - memory.size());
    long from = spilledFrom;
    long to = durableSeq;
    spool.read(from, to, room).whenComplete((events, error) -> context.runOnContext(v -> {
      refilling = false;
      if (error != null) {
        skipUnreadable(from, to, error);
      } else {
        loaded(events, room, to);
      }
      maybeRefill();
      listener.run();
    }));
  }

  private void loaded(List<Event> events, int requested, long to) {
    events.forEach(event -> memory.put(event.getSeq(), event));
    spilledEvents -= events.size();
    if (!events.isEmpty()) {
      spilledFrom = events.get(events.size() - 1).getSeq() + 1;
    }
    if (events.size() < requested && spilledEvents <= 0 && lastSeq == to) {
      spilledFrom = 0;
      spilledEvents = 0;
      spilledOldestPingAt = Long.MAX_VALUE;
    } else if (events.size() < requested) {
      spilledFrom = Math.max(spilledFrom, to + 1);
    }
    updateSize();
  }

  /** A damaged segment cannot be replayed; its events are lost, and the log says how many at most. */
  private void skipUnreadable(long from, long to, Throwable error) {
    log.error("spool events lost: not readable from_seq={} to_seq={} error={}", from, to,
        error.getCause() == null ? error : error.getCause());
    spilledEvents = Math.max(0, spilledEvents - (to - from + 1));
    spilledFrom = to + 1 > lastSeq ? 0 : to + 1;
    updateSize();
  }

  private void updateSize() {
    size = (int) Math.min(Integer.MAX_VALUE, memory.size() + spilledEvents);
  }
}
