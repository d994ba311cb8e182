package io.quorate.coordinator.link;

import io.quorate.coordinator.probetoken.ProbeCredential;
import io.quorate.link.v1.Ack;
import io.quorate.link.v1.AssignmentChange;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.Goaway;
import io.quorate.link.v1.Hello;
import io.quorate.link.v1.ProbeMessage;
import io.quorate.link.v1.RunCheck;
import io.quorate.link.v1.Watermark;
import io.quorate.link.v1.Welcome;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServerRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One probe node's stream. Events are stored one batch after another ({@link WaitingEvents} picks each batch:
 * from the head, or urgent observations first), with at most one express batch beside the batch in flight, and
 * {@code Ack{seq}} promises that everything up to seq is
 * durable; a {@code Watermark} is recorded only once every event up to its seq is. The stream is paused while
 * too many events wait, which pushes back on the probe through HTTP/2 flow control instead of buffering
 * without bound here.
 */
final class ProbeSession {
  private static final Logger log = LoggerFactory.getLogger(ProbeSession.class);
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");
  /**
   * Waiting events (a few MB) above which the stream is paused. Reading resumes once one batch (256) has been
   * stored, not after a long drain: while the stream is paused an urgent observation cannot be read, so it
   * cannot go ahead of the waiting ones ({@link WaitingEvents}).
   */
  private static final int PAUSE_ABOVE = 2_048;
  private static final int RESUME_BELOW = PAUSE_ABOVE - WaitingEvents.MAX_OBSERVATIONS_PER_BATCH;
  private static final int ACK_EVERY = 100;
  private static final long KEEPALIVE_MS = 10_000;

  private final Vertx vertx;
  private final GrpcServerRequest<ProbeMessage, CoordinatorMessage> stream;
  private final ProbeLinkServer server;
  private final ProbeCredential credential;
  private final WaitingEvents waiting = new WaitingEvents();
  /** Assignment changes made before this probe's snapshot went out (see {@link #send}). */
  private final List<AssignmentChange> heldUntilSnapshot = new ArrayList<>();
  private boolean snapshotSent;
  private Hello hello;
  private Instant linkedAt;
  /** A batch from {@link WaitingEvents#nextBatch} is being stored. */
  private boolean storingBatch;
  /** An express batch from {@link WaitingEvents#expressBeside} is being stored beside it. */
  private boolean storingExpressBeside;
  private boolean paused;
  private boolean closed;
  private long ackedSeq;
  private long storedSeq;
  private long keepaliveTimer = -1;
  /** The newest watermark received and not yet recorded: it is recorded once its events are stored. */
  private Watermark pendingWatermark;
  private boolean recordingWatermark;
  /** The node is shutting down: store what was received, acknowledge it, send Goaway, end (see {@link #goAway}). */
  private boolean leaving;
  private String leavingReason;
  private final Context context;
  private final Promise<Void> ended = Promise.promise();

  ProbeSession(Vertx vertx, GrpcServerRequest<ProbeMessage, CoordinatorMessage> stream, ProbeLinkServer server,
      ProbeCredential credential) {
    this.vertx = vertx;
    this.stream = stream;
    this.server = server;
    this.credential = credential;
    this.context = vertx.getOrCreateContext(); // the stream's event loop: its handlers and state belong to it
  }

  /** The probe's address as this node sees it (a proxy's, behind one). */
  String remoteAddress() {
    return String.valueOf(stream.connection().remoteAddress());
  }

  /** Whom the link's token speaks for. */
  ProbeCredential credential() {
    return credential;
  }

  void start() {
    stream.handler(this::onMessage);
    stream.endHandler(v -> close(GrpcStatus.OK, null));
    stream.exceptionHandler(error -> close(null, "stream error: " + error));
    // A probe that cancels its stream (or resets it) shows up as a gRPC error, not as an exception.
    stream.errorHandler(error -> close(null, "probe ended the stream: " + error));
  }

  String region() {
    return hello == null ? null : hello.getRegion();
  }

  /** When this stream was registered; identifies this link (not a later one of the same probe) in the database. */
  Instant linkedAt() {
    return linkedAt;
  }

  void linkedAt(Instant at) {
    linkedAt = at;
  }

  Hello hello() {
    return hello;
  }

  String nodeId() {
    return hello == null ? null : hello.getNodeId();
  }

  boolean ready() {
    return hello != null && !closed;
  }

  /**
   * A change made while this probe's snapshot is being read is held and sent after the snapshot: sent
   * before it, it would be undone by a snapshot read before the change (the probe replaces its checks with a
   * snapshot), and the probe would never run the new monitor. Held changes go out in order, so replaying one
   * the snapshot already has is harmless.
   */
  void send(AssignmentChange change) {
    synchronized (heldUntilSnapshot) {
      if (!snapshotSent) {
        heldUntilSnapshot.add(change);
        return;
      }
    }
    write(CoordinatorMessage.newBuilder().setChange(change).build());
  }

  void runCheck(RunCheck run) {
    write(CoordinatorMessage.newBuilder().setRunCheck(run).build());
  }

  private void onMessage(ProbeMessage message) {
    if (hello == null) {
      onHello(message);
    } else if (message.hasEvent()) {
      accept(List.of(message.getEvent()));
    } else if (message.hasEvents()) {
      accept(message.getEvents().getEventsList());
    } else if (message.hasWatermark()) {
      pendingWatermark = message.getWatermark();
      recordWatermarkIfStored();
    } else if (message.hasHealth()) {
      server.recordHealth(hello, message.getHealth());
    } else if (message.hasCheckResult()) {
      server.checkResult(this, message.getCheckResult());
    }
  }

  private void accept(List<Event> events) {
    waiting.addAll(events, server.now());
    if (waiting.size() > PAUSE_ABOVE && !paused) {
      paused = true;
      stream.pause();
    }
    storeNext();
  }

  private void onHello(ProbeMessage message) {
    if (!message.hasHello()) {
      close(GrpcStatus.INVALID_ARGUMENT, "the first message must be Hello");
      return;
    }
    Hello candidate = message.getHello();
    if (!REGION.matcher(candidate.getRegion()).matches() || candidate.getNodeId().isBlank()) {
      close(GrpcStatus.INVALID_ARGUMENT, "Hello needs a region of lowercase letters, digits and dashes and a node id");
      return;
    }
    if (!credential.allows(candidate.getRegion())) {
      GrpcStatus refused = server.refuseRegion(stream, credential, candidate.getRegion());
      close(refused, LinkGate.wrongRegion(credential, candidate.getRegion()).getMessage());
      return;
    }
    hello = candidate;
    log.info("probe connected region={} node={} version={} token_id={} remote={}", hello.getRegion(),
        hello.getNodeId(), hello.getVersion(), credential.describe(), stream.connection().remoteAddress());
    write(CoordinatorMessage.newBuilder().setWelcome(Welcome.newBuilder().setCoordinatorNodeId(server.nodeId())
        .setAcceptsEventBatches(true).setAcceptsWatermarks(true).setAcceptsHealth(true)).build());
    keepaliveTimer = vertx.setPeriodic(KEEPALIVE_MS, id -> sendAck());
    server.register(this)
        .onSuccess(this::sendSnapshot)
        .onFailure(error -> close(GrpcStatus.UNAVAILABLE, "could not load assignments: " + error.getMessage()));
  }

  private void sendSnapshot(AssignmentSnapshot snapshot) {
    List<AssignmentChange> held;
    synchronized (heldUntilSnapshot) {
      write(CoordinatorMessage.newBuilder().setSnapshot(snapshot).build());
      snapshotSent = true;
      held = List.copyOf(heldUntilSnapshot);
      heldUntilSnapshot.clear();
    }
    held.forEach(change -> write(CoordinatorMessage.newBuilder().setChange(change).build()));
  }

  /**
   * Starts storing what may be stored now: the next batch when none is in flight, and beside a batch in flight
   * an express batch, so an observation that may complete a quorum does not wait for a batch of routine runs
   * (the two never share a monitor: {@link WaitingEvents#expressBeside}). With nothing waiting or in flight,
   * acknowledges everything.
   */
  private void storeNext() {
    if (closed) {
      return;
    }
    if (!storingBatch) {
      List<ReceivedEvent> batch = waiting.nextBatch();
      if (!batch.isEmpty()) {
        storingBatch = true;
        store(batch, () -> storingBatch = false);
      }
    }
    if (storingBatch && !storingExpressBeside) {
      List<ReceivedEvent> express = waiting.expressBeside();
      if (!express.isEmpty()) {
        storingExpressBeside = true;
        store(express, () -> storingExpressBeside = false);
      }
    }
    if (!storingBatch && !storingExpressBeside) {
      sendAck();
      if (leaving) {
        sayGoaway();
      }
    }
  }

  private void store(List<ReceivedEvent> batch, Runnable laneFree) {
    if (paused && !leaving && waiting.size() < RESUME_BELOW) {
      paused = false;
      stream.resume();
    }
    server.store(hello, batch).onComplete(stored -> {
      laneFree.run();
      if (stored.failed()) {
        // Not acknowledged: the probe keeps the events and sends them again after reconnecting.
        close(GrpcStatus.UNAVAILABLE, "could not store events: " + stored.cause().getMessage());
        return;
      }
      waiting.stored(batch);
      storedSeq = Math.max(storedSeq, waiting.storedThrough()); // an express batch may leave older events waiting
      if (storedSeq - ackedSeq >= ACK_EVERY) {
        sendAck();
      }
      recordWatermarkIfStored();
      storeNext();
    });
  }

  /** Records the pending watermark once every event it covers is stored here; one write at a time. */
  private void recordWatermarkIfStored() {
    Watermark watermark = pendingWatermark;
    if (watermark == null || recordingWatermark || closed || watermark.getSeq() > storedSeq) {
      return;
    }
    pendingWatermark = null;
    recordingWatermark = true;
    server.recordWatermark(hello, watermark).onComplete(done -> {
      recordingWatermark = false;
      recordWatermarkIfStored();
    });
  }

  private void sendAck() {
    if (closed || hello == null) {
      return;
    }
    ackedSeq = storedSeq;
    write(CoordinatorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(ackedSeq)).build());
  }

  private void write(CoordinatorMessage message) {
    if (closed) {
      return;
    }
    try {
      stream.response().write(message);
    } catch (IllegalStateException streamFailed) {
      close(null, "stream failed: " + streamFailed.getMessage());
    }
  }

  /** Ends the stream; {@code status} null means the transport already failed and nothing can be sent. */
  void close(GrpcStatus status, String why) {
    if (closed) {
      return;
    }
    closed = true;
    ended.tryComplete();
    vertx.cancelTimer(keepaliveTimer);
    server.unregister(this);
    if (hello != null) {
      log.info("probe disconnected region={} node={} reason=\"{}\"", hello.getRegion(), hello.getNodeId(),
          why == null ? "probe closed the stream" : why);
    }
    if (status != null) {
      try {
        if (status != GrpcStatus.OK) {
          stream.response().status(status).statusMessage(why);
        }
        stream.response().end();
      } catch (IllegalStateException alreadyFailed) {
        // The probe went away at the same moment: nothing left to tell it.
      }
    }
  }

  Future<Void> shutdown() {
    close(GrpcStatus.UNAVAILABLE, "coordinator node shutting down");
    return Future.succeededFuture();
  }

  /**
   * Graceful hand-over when this node shuts down: stops reading (what the probe sends from now on stays
   * unacknowledged and goes to the next coordinator), stores every event already received, acknowledges
   * them, tells the probe to move ({@link Goaway}) and ends the stream. Callable from any thread.
   *
   * @return completes when the stream has ended, whether by the Goaway or by a failure (a failed store is
   *     not acknowledged, so the probe sends those events again elsewhere)
   */
  Future<Void> goAway(String reason) {
    context.runOnContext(v -> startLeaving(reason));
    return ended.future();
  }

  private void startLeaving(String reason) {
    if (closed || leaving) {
      return;
    }
    if (hello == null) {
      close(GrpcStatus.UNAVAILABLE, reason);
      return;
    }
    leaving = true;
    leavingReason = reason;
    stream.pause();
    storeNext(); // when nothing is waiting or being stored, this acknowledges and says Goaway at once
  }

  /** Everything received is stored and acknowledged: the probe may move without resending any of it. */
  private void sayGoaway() {
    if (storingBatch || storingExpressBeside || closed) {
      return;
    }
    write(CoordinatorMessage.newBuilder()
        .setGoaway(Goaway.newBuilder().setReason(leavingReason).setAckedSeq(ackedSeq)).build());
    log.info("probe asked to move region={} node={} acked_seq={}", hello.getRegion(), hello.getNodeId(), ackedSeq);
    close(GrpcStatus.OK, leavingReason);
  }
}
