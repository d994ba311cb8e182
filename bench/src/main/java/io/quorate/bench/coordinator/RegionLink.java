package io.quorate.bench.coordinator;

import io.quorate.bench.support.Latencies;
import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.EventBatch;
import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Hello;
import io.quorate.link.v1.ProbeLinkGrpcClient;
import io.quorate.link.v1.ProbeMessage;
import io.quorate.link.v1.Watermark;
import io.quorate.probe.ProbeConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.client.GrpcClientResponse;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated probe region on the real link, speaking as the probe's {@code LinkStream} does: Hello with
 * the probe token in the metadata, events numbered with a growing sequence number and an event id of a
 * per-process prefix plus that number, packed into EventBatch messages of at most 256 events and 128 KiB
 * after a 5 ms linger, written only while the stream's write queue has room (HTTP/2 flow control: the
 * coordinator pauses the stream when 1,000 events wait), kept until an {@code Ack} covers them, and a
 * Watermark about once a second. Instead of running checks it makes UP observations for its monitors at
 * an offered rate. Unacknowledged events are capped at the probe's in-memory outbox capacity; events
 * beyond it (a probe would spill them to disk) are counted as shed and not made.
 *
 * <p>Everything runs on this verticle's event loop; the counters may be read from any thread.
 */
final class RegionLink extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(RegionLink.class);
  static final int MAX_BATCH = 256;
  static final int MAX_BATCH_BYTES = 128 * 1024;
  static final long TICK_MS = 5;
  static final long WATERMARK_EVERY_MS = 1_000;
  static final int OUTBOX_CAPACITY = ProbeConfig.DEFAULT_OUTBOX_CAPACITY;
  private static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;

  /** When a tracked event was handed to the stream: a monotonic time and the wall clock. */
  record Written(long nanos, Instant wall) {
  }

  /** One event the caller follows: when it was written, and when the coordinator acknowledged it. */
  record Tracked(long seq, String eventId, Future<Written> written, Future<Void> acked) {
  }

  private record Pending(Event event, long createdNanos) {
  }

  private final String region;
  private final int index;
  private final int regions;
  private final String target;
  private final String token;
  private final String nodeId;
  private final String idPrefix = UUID.randomUUID() + ":";
  private final ArrayDeque<Pending> unsent = new ArrayDeque<>();
  private final ArrayDeque<Pending> sent = new ArrayDeque<>();
  private final Map<Long, Promise<Written>> watchWrite = new HashMap<>();
  private final Map<Long, Promise<Void>> watchAck = new HashMap<>();
  private final Promise<List<MonitorCycle.Assigned>> snapshot = Promise.promise();
  private final Latencies ackDelay = new Latencies();
  private GrpcClient grpc;
  private GrpcClientRequest<ProbeMessage, CoordinatorMessage> request;
  private MonitorCycle cycle;
  private Pacer pacer;
  private long seq;
  private long lastSentSeq;
  private boolean welcomed;
  private boolean draining;
  private volatile boolean closed;
  private volatile long generated;
  private volatile long acked;
  private volatile long shed;
  private volatile long discarded;
  private volatile int backlog;

  RegionLink(String region, int index, int regions, String target, String token) {
    this.region = region;
    this.index = index;
    this.regions = regions;
    this.target = target;
    this.token = token;
    this.nodeId = region + "-bench-" + idPrefix.substring(0, 8);
  }

  String region() {
    return region;
  }

  /** Opens the stream; succeeds once the coordinator has welcomed this region and sent its snapshot. */
  @Override
  public Future<?> start() {
    HttpClientOptions http = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false).setConnectTimeout(10_000);
    grpc = GrpcClient.client(vertx, new GrpcClientOptions().setMaxMessageSize(MAX_MESSAGE_BYTES), http);
    String[] hostPort = target.split(":");
    pacer = new Pacer(0, System.nanoTime());
    return grpc.request(SocketAddress.inetSocketAddress(Integer.parseInt(hostPort[1]), hostPort[0]),
            ProbeLinkGrpcClient.Connect)
        .compose(started -> {
          request = started;
          request.headers().set("authorization", "Bearer " + token);
          request.exceptionHandler(error -> fail("stream error: " + error));
          request.response().onSuccess(this::receive).onFailure(error -> fail("stream failed: " + error));
          request.write(ProbeMessage.newBuilder().setHello(Hello.newBuilder().setRegion(region).setNodeId(nodeId)
              .setVersion("bench").setLinkVersion(1)).build());
          return snapshot.future();
        })
        .map(monitors -> {
          cycle = new MonitorCycle(monitors, MonitorCycle.offset(index, regions, monitors.size()));
          vertx.setPeriodic(TICK_MS, id -> tick());
          vertx.setPeriodic(WATERMARK_EVERY_MS, id -> sendWatermark());
          return null;
        });
  }

  private void receive(GrpcClientResponse<ProbeMessage, CoordinatorMessage> response) {
    response.handler(this::onMessage);
    response.errorHandler(error -> fail("stream reset: " + error));
    response.exceptionHandler(error -> fail("stream error: " + error));
    response.endHandler(v -> fail("coordinator ended the stream status=" + response.status() + " message="
        + response.statusMessage()));
  }

  private void onMessage(CoordinatorMessage message) {
    switch (message.getBodyCase()) {
      case WELCOME -> {
        if (!message.getWelcome().getAcceptsEventBatches()) {
          fail("the coordinator does not accept event batches");
        }
        welcomed = true;
      }
      case SNAPSHOT -> {
        List<MonitorCycle.Assigned> monitors = new ArrayList<>();
        for (HttpCheck check : message.getSnapshot().getChecksList()) {
          monitors.add(new MonitorCycle.Assigned(check.getMonitorId(), check.getVersion()));
        }
        snapshot.tryComplete(monitors);
      }
      case ACK -> ack(message.getAck().getSeq());
      default -> { } // assignment changes and test runs do not concern the load
    }
  }

  private void fail(String why) {
    if (!closed) {
      closed = true;
      log.error("region={} link failed: {}", region, why);
      snapshot.tryFail(why);
    }
  }

  /** The monitors this region was assigned, in snapshot order (valid once started). */
  List<MonitorCycle.Assigned> monitors() {
    return cycle.monitors();
  }

  /** Sets the offered rate of UP observations; {@code discardUnsent} drops the backlog not yet written. */
  Future<Void> rate(double perSecond, boolean discardUnsent) {
    return onContext(() -> {
      pacer.set(perSecond, System.nanoTime());
      if (discardUnsent) {
        discarded += unsent.size();
        unsent.clear();
        backlog = sent.size();
      }
      return null;
    });
  }

  /** Stops making observations of these monitors (the sample kept apart for incidents). */
  Future<Void> exclude(Set<String> monitorIds) {
    return onContext(() -> {
      cycle.exclude(monitorIds);
      return null;
    });
  }

  /** Queues one observation behind whatever waits, as a probe's next result would be, and follows it. */
  Future<Tracked> report(MonitorCycle.Assigned monitor, boolean down) {
    return onContext(() -> {
      Promise<Written> written = Promise.promise();
      Promise<Void> ackedPromise = Promise.promise();
      long eventSeq = add(monitor, down, System.nanoTime());
      watchWrite.put(eventSeq, written);
      watchAck.put(eventSeq, ackedPromise);
      sendPending();
      return new Tracked(eventSeq, idPrefix + eventSeq, written.future(), ackedPromise.future());
    });
  }

  /**
   * As {@link #report}, but not before {@code atNanos} (a {@code System.nanoTime()}), so observations of
   * different monitors leave one by one on their own schedule instead of together.
   */
  Future<Tracked> reportAt(MonitorCycle.Assigned monitor, boolean down, long atNanos) {
    long delayMs = (atNanos - System.nanoTime()) / 1_000_000;
    if (delayMs < 1) {
      return report(monitor, down);
    }
    Promise<Void> due = Promise.promise();
    vertx.setTimer(delayMs, id -> due.complete());
    return due.future().compose(v -> report(monitor, down));
  }

  private <T> Future<T> onContext(java.util.concurrent.Callable<T> action) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        done.complete(action.call());
      } catch (Exception e) {
        done.fail(e);
      }
    });
    return done.future();
  }

  private void tick() {
    if (closed || !welcomed) {
      return;
    }
    long now = System.nanoTime();
    long due = pacer.take(now);
    for (long i = 0; i < due; i++) {
      if (unsent.size() + sent.size() >= OUTBOX_CAPACITY) {
        shed += due - i;
        break;
      }
      add(cycle.next(), false, now);
    }
    sendPending();
  }

  private long add(MonitorCycle.Assigned monitor, boolean down, long nowNanos) {
    long eventSeq = ++seq;
    Event event = Event.newBuilder().setSeq(eventSeq).setEventId(idPrefix + eventSeq)
        .setObservation(Observations.of(monitor.id(), monitor.version(), region, System.currentTimeMillis(), down))
        .build();
    unsent.add(new Pending(event, nowNanos));
    generated++;
    backlog = unsent.size() + sent.size();
    return eventSeq;
  }

  /** Writes batches while the stream has room; resumes from the drain handler, as the probe does. */
  private void sendPending() {
    if (closed || !welcomed || draining) {
      return;
    }
    while (!unsent.isEmpty()) {
      if (request.writeQueueFull()) {
        draining = true;
        request.drainHandler(v -> {
          draining = false;
          sendPending();
        });
        return;
      }
      writeBatch();
    }
  }

  private void writeBatch() {
    EventBatch.Builder batch = EventBatch.newBuilder();
    int bytes = 0;
    List<Long> watched = null;
    while (!unsent.isEmpty() && batch.getEventsCount() < MAX_BATCH) {
      Pending next = unsent.peek();
      bytes += next.event().getSerializedSize();
      if (batch.getEventsCount() > 0 && bytes > MAX_BATCH_BYTES) {
        break;
      }
      unsent.poll();
      sent.add(next);
      batch.addEvents(next.event());
      if (watchWrite.containsKey(next.event().getSeq())) {
        watched = watched == null ? new ArrayList<>() : watched;
        watched.add(next.event().getSeq());
      }
    }
    request.write(ProbeMessage.newBuilder().setEvents(batch).build());
    lastSentSeq = sent.peekLast().event().getSeq();
    if (watched != null) {
      Written at = new Written(System.nanoTime(), Instant.now());
      watched.forEach(s -> watchWrite.remove(s).complete(at));
    }
  }

  private void ack(long ackSeq) {
    long now = System.nanoTime();
    int count = 0;
    while (!sent.isEmpty() && sent.peek().event().getSeq() <= ackSeq) {
      Pending done = sent.poll();
      ackDelay.record((now - done.createdNanos()) / 1_000_000);
      Promise<Void> watcher = watchAck.isEmpty() ? null : watchAck.remove(done.event().getSeq());
      if (watcher != null) {
        watcher.complete();
      }
      count++;
    }
    acked += count;
    backlog = unsent.size() + sent.size();
  }

  private void sendWatermark() {
    if (closed || !welcomed || request.writeQueueFull()) {
      return;
    }
    request.write(ProbeMessage.newBuilder().setWatermark(Watermark.newBuilder().setSeq(lastSentSeq)
        .setReceivedBeforeMs(System.currentTimeMillis())).build());
  }

  /** Counters so far; read from the runner's thread. */
  Counts counts() {
    return new Counts(generated, acked, shed, discarded, backlog, closed);
  }

  /** Time from making an observation to its acknowledgement, since the last call. */
  Latencies ackDelay() {
    return ackDelay;
  }

  record Counts(long generated, long acked, long shed, long discarded, int backlog, boolean failed) {
  }

  @Override
  public Future<?> stop() {
    closed = true;
    if (request != null) {
      request.cancel();
    }
    return grpc == null ? Future.succeededFuture() : grpc.close();
  }
}
