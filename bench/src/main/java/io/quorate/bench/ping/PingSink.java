package io.quorate.bench.ping;

import io.quorate.link.v1.Ack;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.HeartbeatTarget;
import io.quorate.link.v1.ProbeLinkGrpcService;
import io.quorate.link.v1.ProbeMessage;
import io.quorate.link.v1.Welcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import io.vertx.grpc.server.GrpcServerRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A coordinator reduced to what the ping benchmark needs: a real gRPC server on {@code ProbeLink.Connect}
 * that welcomes the probe (event batches and watermarks accepted, as the coordinator does), assigns it the
 * benchmark's heartbeats, acknowledges every batch at once, and counts each ping's event id once. The count
 * of distinct event ids is what "every 200 is later found at the coordinator" is checked against; a
 * replayed event is counted in {@link #duplicates()} instead.
 */
final class PingSink {
  static final String TOKEN = "bench-probe-token";
  private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  private final Vertx vertx;
  private final AssignmentSnapshot snapshot;
  private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
  private final AtomicLong duplicates = new AtomicLong();

  PingSink(Vertx vertx, int targets) {
    this.vertx = vertx;
    AssignmentSnapshot.Builder builder = AssignmentSnapshot.newBuilder();
    for (int i = 0; i < targets; i++) {
      builder.addHeartbeats(HeartbeatTarget.newBuilder().setMonitorId(PingTargets.monitorId(i))
          .setPingId(PingTargets.pingId(i)));
    }
    this.snapshot = builder.build();
  }

  /** @return the gRPC port on 127.0.0.1 */
  Future<Integer> start() {
    GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions().setMaxMessageSize(MAX_MESSAGE_BYTES));
    grpc.callHandler(ProbeLinkGrpcService.Connect, this::onStream);
    HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    return http.requestHandler(grpc).listen().map(HttpServer::actualPort);
  }

  long pings() {
    return eventIds.size();
  }

  long duplicates() {
    return duplicates.get();
  }

  private void onStream(GrpcServerRequest<ProbeMessage, CoordinatorMessage> request) {
    request.handler(message -> {
      if (message.hasHello()) {
        request.response().write(CoordinatorMessage.newBuilder().setWelcome(Welcome.newBuilder()
            .setCoordinatorNodeId("bench-sink").setAcceptsEventBatches(true).setAcceptsWatermarks(true)).build());
        request.response().write(CoordinatorMessage.newBuilder().setSnapshot(snapshot).build());
      } else if (message.hasEvents()) {
        received(request, message.getEvents().getEventsList());
      } else if (message.hasEvent()) {
        received(request, List.of(message.getEvent()));
      }
    });
  }

  private void received(GrpcServerRequest<ProbeMessage, CoordinatorMessage> request, List<Event> events) {
    for (Event event : events) {
      if (event.hasPing() && !eventIds.add(event.getEventId())) {
        duplicates.incrementAndGet();
      }
    }
    long last = events.get(events.size() - 1).getSeq();
    request.response().write(CoordinatorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(last)).build());
  }
}
