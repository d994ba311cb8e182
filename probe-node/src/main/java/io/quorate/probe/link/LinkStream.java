package io.quorate.probe.link;

import io.quorate.link.v1.CheckRunResult;
import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.EventBatch;
import io.quorate.link.v1.Hello;
import io.quorate.link.v1.ProbeLinkGrpcClient;
import io.quorate.link.v1.ProbeHealth;
import io.quorate.link.v1.ProbeMessage;
import io.quorate.link.v1.Watermark;
import io.quorate.probe.HostPort;
import io.quorate.probe.ProbeConfig;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a stream to one coordinator: sends Hello, dispatches what arrives, sends outbox events
 * while the write queue has room, and reports to {@link LinkClient} exactly once when it ends.
 */
final class LinkStream {
  private static final Logger log = LoggerFactory.getLogger(LinkStream.class);
  static final int LINK_VERSION = 1;
  /** Events per EventBatch: large enough to spread a frame's cost, small enough to stay far below 4 MiB. */
  static final int MAX_BATCH = 256;
  /** Bytes per EventBatch, well below the coordinator's message size limit. */
  static final int MAX_BATCH_BYTES = 128 * 1024;
  /** How long a new event may wait for others to share its message; nothing in monitoring needs it sooner. */
  static final long LINGER_MS = 5;
  /** How often a watermark is sent: the coordinator waits for it before declaring a heartbeat late. */
  static final long WATERMARK_EVERY_MS = 1000;
  /** How often the probe reports its own health: the coordinator excludes a cut-off region within seconds. */
  static final long HEALTH_EVERY_MS = 5000;

  private final Vertx vertx;
  private final GrpcClient grpc;
  private final HostPort target;
  private final ProbeConfig config;
  private final Outbox outbox;
  private final Assignments assignments;
  private final RunRequests runRequests;
  private final LinkClient owner;
  private final LongUnaryOperator receivedBefore;
  private final Supplier<ProbeHealth> health;
  private GrpcClientRequest<ProbeMessage, CoordinatorMessage> request;
  private long watchdog = -1;
  private long lastSentSeq;
  private boolean welcomed;
  private boolean batches;
  private long linger = -1;
  private long watermarks = -1;
  private long lastWatermarkAt;
  private long healthReports = -1;
  private boolean draining;
  private boolean closed;

  LinkStream(Vertx vertx, GrpcClient grpc, HostPort target, ProbeConfig config, Outbox outbox,
      Assignments assignments, RunRequests runRequests, LinkClient owner, LongUnaryOperator receivedBefore,
      Supplier<ProbeHealth> health) {
    this.vertx = vertx;
    this.grpc = grpc;
    this.target = target;
    this.config = config;
    this.outbox = outbox;
    this.assignments = assignments;
    this.runRequests = runRequests;
    this.owner = owner;
    this.receivedBefore = receivedBefore;
    this.health = health;
  }

  HostPort target() {
    return target;
  }

  void open() {
    armWatchdog();
    grpc.request(SocketAddress.inetSocketAddress(target.port(), target.host()), ProbeLinkGrpcClient.Connect)
        .onSuccess(this::started)
        .onFailure(error -> end("cannot connect: " + LinkErrors.describe(error), false));
  }

  private void started(GrpcClientRequest<ProbeMessage, CoordinatorMessage> started) {
    if (closed) {
      started.cancel();
      return;
    }
    request = started;
    request.headers().set("authorization", "Bearer " + config.probeToken().reveal());
    // Lets the coordinator refuse a token of another region, and show the region, before reading any message.
    request.headers().set("quorate-region", config.region());
    request.exceptionHandler(error -> end("stream error: " + LinkErrors.describe(error), false));
    request.response().onComplete(response -> {
      if (response.succeeded()) {
        receive(response.result());
      } else {
        end("stream failed: " + LinkErrors.describe(response.cause()), false);
      }
    });
    request.write(ProbeMessage.newBuilder().setHello(Hello.newBuilder()
        .setRegion(config.region())
        .setNodeId(config.nodeId())
        .setVersion(config.version())
        .setLinkVersion(LINK_VERSION)).build());
  }

  private void receive(GrpcClientResponse<ProbeMessage, CoordinatorMessage> response) {
    if (response.status() != null && response.status() != GrpcStatus.OK) {
      ended(response.status(), statusMessage(response));
      return;
    }
    response.handler(this::onMessage);
    response.errorHandler(error -> end("stream reset: " + error, false));
    response.exceptionHandler(error -> end("stream error: " + LinkErrors.describe(error), false));
    response.endHandler(v -> ended(response.status(), statusMessage(response)));
  }

  /**
   * The coordinator's reason for ending the stream. vertx-grpc 5.0.7 reads {@code grpc-message} only from the
   * headers (a refusal before any message), not from the trailers that end a stream that was running, such as
   * one whose token was just revoked.
   */
  private static String statusMessage(GrpcClientResponse<ProbeMessage, CoordinatorMessage> response) {
    String message = response.statusMessage();
    String trailer = message == null && response.trailers() != null ? response.trailers().get("grpc-message") : null;
    return trailer == null ? message : QueryStringDecoder.decodeComponent(trailer, StandardCharsets.UTF_8);
  }

  private void ended(GrpcStatus status, String message) {
    if (status == GrpcStatus.UNAUTHENTICATED || status == GrpcStatus.PERMISSION_DENIED) {
      // The coordinator's message says why (unknown or revoked token, another region) and never holds the token.
      end("probe link refused: status=" + status.name() + " message=\"" + (message == null ? "" : message)
          + "\" region=" + config.region(), true);
    } else {
      String name = status == null ? "none" : status.name();
      end("coordinator ended the stream status=" + name + (message == null ? "" : " message=" + message), false);
    }
  }

  private void onMessage(CoordinatorMessage message) {
    if (closed) {
      return;
    }
    armWatchdog();
    switch (message.getBodyCase()) {
      case WELCOME -> {
        welcomed = true;
        batches = message.getWelcome().getAcceptsEventBatches();
        owner.welcomed(this, message.getWelcome().getCoordinatorNodeId());
        sendPending();
        if (message.getWelcome().getAcceptsWatermarks()) {
          sendWatermark();
          watermarks = vertx.setPeriodic(WATERMARK_EVERY_MS, id -> sendWatermark());
        }
        if (message.getWelcome().getAcceptsHealth()) {
          sendHealth();
          healthReports = vertx.setPeriodic(HEALTH_EVERY_MS, id -> sendHealth());
        }
      }
      case SNAPSHOT -> assignments.replace(message.getSnapshot());
      case CHANGE -> assignments.apply(message.getChange());
      case ACK -> outbox.ack(message.getAck().getSeq());
      case RUN_CHECK -> runRequests.run(message.getRunCheck(), this::sendResult);
      case GOAWAY -> owner.movedAway(this, message.getGoaway());
      default -> log.debug("probe link ignored an empty message coordinator={}", target);
    }
  }

  /** A new event is in the outbox: send it after a short linger, together with any that follow it. */
  void eventAdded() {
    if (linger < 0 && !closed) {
      linger = vertx.setTimer(LINGER_MS, id -> {
        linger = -1;
        sendPending();
      });
    }
  }

  /** Sends unsent events in order while the stream has room; resumes from the drain handler. */
  void sendPending() {
    if (closed || !welcomed || draining) {
      return;
    }
    while (!request.writeQueueFull()) {
      if (!(batches ? sendBatch() : sendOne())) {
        return;
      }
    }
    draining = true;
    request.drainHandler(v -> {
      draining = false;
      sendPending();
    });
  }

  private boolean sendBatch() {
    List<Event> batch = outbox.nextBatch(lastSentSeq, MAX_BATCH, MAX_BATCH_BYTES);
    if (batch.isEmpty()) {
      return false;
    }
    request.write(ProbeMessage.newBuilder().setEvents(EventBatch.newBuilder().addAllEvents(batch)).build());
    lastSentSeq = batch.get(batch.size() - 1).getSeq();
    return true;
  }

  /** For a coordinator older than EventBatch. */
  private boolean sendOne() {
    Event event = outbox.next(lastSentSeq);
    if (event == null) {
      return false;
    }
    request.write(ProbeMessage.newBuilder().setEvent(event).build());
    lastSentSeq = event.getSeq();
    return true;
  }

  /**
   * Tells the coordinator: every ping received before T has a sequence number up to the last one sent on
   * this stream. T is now, or earlier while a ping is still being received, waits for its fsync, or waits
   * to be sent. Sent after the events it covers, on the same stream, so it never overtakes them; the
   * coordinator records it once it has stored them.
   */
  private void sendWatermark() {
    if (closed || !welcomed || request.writeQueueFull()) {
      return;
    }
    long before = receivedBefore.applyAsLong(lastSentSeq);
    if (before <= lastWatermarkAt) {
      return;
    }
    lastWatermarkAt = before;
    request.write(ProbeMessage.newBuilder()
        .setWatermark(Watermark.newBuilder().setSeq(lastSentSeq).setReceivedBeforeMs(before)).build());
  }

  /** Skipped when the stream is full: a report that cannot go now is stale by the next one. */
  private void sendHealth() {
    if (closed || !welcomed || request.writeQueueFull()) {
      return;
    }
    request.write(ProbeMessage.newBuilder().setHealth(health.get()).build());
  }

  /**
   * Answers a RunCheck on this stream, not through the outbox: a test result is wanted now or never, so it
   * is neither numbered nor acknowledged, and is dropped when this stream has ended meanwhile.
   */
  private void sendResult(CheckRunResult result) {
    if (closed || request == null) {
      log.debug("test run result dropped request={} reason=\"stream ended\"", result.getRequestId());
      return;
    }
    request.write(ProbeMessage.newBuilder().setCheckResult(result).build());
  }

  void close(String reason) {
    end(reason, false);
  }

  private void armWatchdog() {
    if (watchdog >= 0) {
      vertx.cancelTimer(watchdog);
    }
    long idleMs = config.linkIdleTimeout().toMillis();
    watchdog = vertx.setTimer(idleMs, id -> end("nothing received for " + idleMs + " ms", false));
  }

  private void end(String reason, boolean refused) {
    if (closed) {
      return;
    }
    closed = true;
    if (watchdog >= 0) {
      vertx.cancelTimer(watchdog);
    }
    if (linger >= 0) {
      vertx.cancelTimer(linger);
    }
    if (watermarks >= 0) {
      vertx.cancelTimer(watermarks);
    }
    if (healthReports >= 0) {
      vertx.cancelTimer(healthReports);
    }
    if (request != null) {
      request.cancel();
    }
    owner.closed(this, reason, refused);
  }
}
