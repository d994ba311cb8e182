package io.quorate.coordinator.support;

import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.EventBatch;
import io.quorate.link.v1.Hello;
import io.quorate.link.v1.ProbeLinkGrpcClient;
import io.quorate.link.v1.ProbeMessage;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.common.GrpcStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A probe's side of the link, spoken by hand so a test decides exactly which events travel in which
 * {@code EventBatch}, and can send them again over a new stream as a probe does after a reconnect. Blocking
 * calls for the test thread; the stream itself lives on this client's own Vert.x context.
 */
public final class RawProbeLink implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final Promise<Void> snapshot = Promise.promise();
  private GrpcClientRequest<ProbeMessage, CoordinatorMessage> request;
  private volatile long ackedSeq = -1;

  private RawProbeLink() {}

  /** Opens a stream to a coordinator's probe link and waits for its Welcome and snapshot. */
  public static RawProbeLink connect(String hostPort, String token, String region, String nodeId) {
    RawProbeLink link = new RawProbeLink();
    link.onContext(() -> link.open(hostPort, token, region, nodeId)).await();
    link.snapshot.future().await();
    return link;
  }

  /**
   * Opens a stream with this token and Hello, without the region header a probe node sends, and returns the
   * status the coordinator ends it with (OK would mean it was not refused).
   */
  public static GrpcStatus refusal(String hostPort, String token, String region, String nodeId) {
    RawProbeLink link = new RawProbeLink();
    Promise<GrpcStatus> ended = Promise.promise();
    try {
      link.onContext(() -> link.open(hostPort, token, region, nodeId)
          .compose(v -> link.request.response())
          .compose(response -> response.end().transform(done -> Future.succeededFuture(response.status()))))
          .onComplete(ended);
      return ended.future().await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the coordinator neither refused nor ended the stream", e);
    } finally {
      link.close();
    }
  }

  private Future<Void> open(String hostPort, String token, String region, String nodeId) {
    GrpcClient grpc = GrpcClient.client(vertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    String[] parts = hostPort.split(":");
    return grpc.request(SocketAddress.inetSocketAddress(Integer.parseInt(parts[1]), parts[0]), ProbeLinkGrpcClient.Connect)
        .map(started -> {
          request = started;
          request.headers().set("authorization", "Bearer " + token);
          request.response().onSuccess(response -> response.handler(this::onMessage));
          request.write(ProbeMessage.newBuilder().setHello(Hello.newBuilder().setRegion(region).setNodeId(nodeId)
              .setVersion("test").setLinkVersion(1)).build());
          return null;
        });
  }

  private void onMessage(CoordinatorMessage message) {
    if (message.hasSnapshot()) {
      snapshot.tryComplete();
    } else if (message.hasAck()) {
      ackedSeq = Math.max(ackedSeq, message.getAck().getSeq());
    }
  }

  /** Sends these events as one {@code EventBatch} and waits until the coordinator acknowledges the last. */
  public void sendAndAwaitAck(List<Event> events, Duration timeout) {
    send(events);
    awaitAck(events.get(events.size() - 1).getSeq(), timeout);
  }

  /** Sends these events as one {@code EventBatch}, without waiting for their acknowledgement. */
  public void send(List<Event> events) {
    onContext(() -> request.write(ProbeMessage.newBuilder().setEvents(EventBatch.newBuilder().addAllEvents(events))
        .build())).await();
  }

  /** Waits until the coordinator acknowledges {@code seq}: every event up to it is stored. */
  public void awaitAck(long seq, Duration timeout) {
    Eventually.until(timeout, "the coordinator acknowledges seq " + seq, () -> ackedSeq >= seq);
  }

  /** Sends one {@code Watermark}, as probes since the heartbeat release do about once a second. */
  public void sendWatermark(long seq, java.time.Instant receivedBefore) {
    onContext(() -> request.write(ProbeMessage.newBuilder().setWatermark(io.quorate.link.v1.Watermark.newBuilder()
        .setSeq(seq).setReceivedBeforeMs(receivedBefore.toEpochMilli())).build())).await();
  }

  /** Resets the stream, as a probe's link breaks; nothing more is acknowledged on it. */
  @Override
  public void close() {
    onContext(() -> {
      if (request != null) {
        request.cancel();
      }
      return Future.<Void>succeededFuture();
    }).transform(v -> vertx.close()).await();
  }

  private <T> Future<T> onContext(Callable<Future<T>> action) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.call().onComplete(done);
      } catch (Exception e) {
        done.fail(e);
      }
    });
    return done.future();
  }
}
