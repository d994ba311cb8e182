package io.quorate.bench.probe;

import io.quorate.link.v1.Ack;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.ProbeLinkGrpcService;
import io.quorate.link.v1.ProbeMessage;
import io.quorate.link.v1.Welcome;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import io.vertx.grpc.server.GrpcServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A coordinator reduced to what the probe needs to run at full speed: a real gRPC server implementing
 * {@code ProbeLink.Connect} that answers Hello with Welcome and a snapshot, hands out and takes back the
 * plan's checks between rounds ({@link #resume()}, {@link #pause()}), counts every observation into the
 * {@link SinkWindow}, and acknowledges like the real coordinator does (every {@value #ACK_EVERY} events and
 * at least every second), so the probe's outbox stays small. Like the real coordinator it accepts event
 * batches and keeps gRPC's and HTTP/2's default windows. It stores nothing: the benchmark measures the
 * probe, not PostgreSQL.
 */
final class SinkCoordinator {
  static final String TOKEN = "bench-probe-token";
  static final List<String> CONDITIONS = List.of("[STATUS] == 200", "[BODY].enqueued < 1000",
      "[BODY].oldest_age_s < 600");
  private static final int ACK_EVERY = 100;
  private static final long ACK_AT_LEAST_EVERY_MS = 1_000;
  /** Above gRPC's 256 KiB default, as the coordinator sets it: a probe's event batch may reach 128 KiB. */
  private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  private final Vertx vertx;
  private final SinkWindow window;
  private final List<Stream> streams = new CopyOnWriteArrayList<>();
  private volatile Load load;
  private volatile AssignmentSnapshot fullSnapshot = AssignmentSnapshot.getDefaultInstance();
  private volatile AssignmentSnapshot rampSnapshot = AssignmentSnapshot.getDefaultInstance();
  private volatile boolean rampActive;
  /** What a probe has (or gets when it connects): nothing until the first round. */
  private volatile AssignmentSnapshot current = AssignmentSnapshot.getDefaultInstance();

  SinkCoordinator(Vertx vertx, SinkWindow window) {
    this.vertx = vertx;
    this.window = window;
  }

  /** @return the port of the gRPC server on 127.0.0.1 */
  Future<Integer> start() {
    GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions().setMaxMessageSize(MAX_MESSAGE_BYTES));
    grpc.callHandler(ProbeLinkGrpcService.Connect, this::onStream);
    HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    return http.requestHandler(grpc).listen().map(HttpServer::actualPort);
  }

  /**
   * The checks of the next rounds; every monitor's URL points at {@code targetPort}. Nothing is sent until
   * {@link #resume()}: with a ramp, then only the ramp's monitors until {@link #completeRamp()}.
   */
  void plan(Load next, Ramp ramp, int targetPort) {
    AssignmentSnapshot.Builder all = AssignmentSnapshot.newBuilder();
    AssignmentSnapshot.Builder first = AssignmentSnapshot.newBuilder();
    for (int i = 0; i < next.monitors(); i++) {
      HttpCheck check = HttpCheck.newBuilder()
          .setMonitorId(Load.monitorId(i))
          .setVersion(1)
          .setName("bench queue " + i)
          .setMethod("GET")
          .setUrl("http://127.0.0.1:" + targetPort + next.path(i))
          .setIntervalMs(next.intervalMs())
          .setTimeoutMs(next.timeoutMs())
          .addAllConditions(CONDITIONS)
          .build();
      all.addChecks(check);
      if (ramp.first(i)) {
        first.addChecks(check);
      }
    }
    fullSnapshot = all.build();
    rampSnapshot = first.build();
    rampActive = ramp.active();
    load = next;
  }

  /** Gives the connected probes the plan's checks (the ramp's share first, if it has a ramp). */
  void resume() {
    current = rampActive ? rampSnapshot : fullSnapshot;
    sendCurrent();
  }

  /** Gives the connected probes every check of the plan (a snapshot keeps the schedule of checks they had). */
  void completeRamp() {
    current = fullSnapshot;
    sendCurrent();
  }

  /** Takes every check away: an idle probe between its rounds, while the baseline is measured. */
  void pause() {
    current = AssignmentSnapshot.getDefaultInstance();
    sendCurrent();
  }

  private void sendCurrent() {
    CoordinatorMessage message = CoordinatorMessage.newBuilder().setSnapshot(current).build();
    for (Stream stream : streams) {
      stream.context.runOnContext(v -> stream.request.response().write(message));
    }
  }

  private void onStream(GrpcServerRequest<ProbeMessage, CoordinatorMessage> request) {
    Stream stream = new Stream(request, vertx.getOrCreateContext());
    streams.add(stream);
    long keepalive = vertx.setPeriodic(ACK_AT_LEAST_EVERY_MS, id -> stream.ack());
    request.handler(stream::receive);
    request.endHandler(v -> {
      streams.remove(stream);
      vertx.cancelTimer(keepalive);
      request.response().end();
    });
    request.exceptionHandler(error -> {
      streams.remove(stream);
      vertx.cancelTimer(keepalive);
    });
  }

  /** One probe's stream; used on that stream's event loop only. */
  private final class Stream {
    private final GrpcServerRequest<ProbeMessage, CoordinatorMessage> request;
    private final Context context;
    private long lastSeq;
    private long ackedSeq;

    Stream(GrpcServerRequest<ProbeMessage, CoordinatorMessage> request, Context context) {
      this.request = request;
      this.context = context;
    }

    void receive(ProbeMessage message) {
      if (message.hasHello()) {
        request.response().write(CoordinatorMessage.newBuilder()
            .setWelcome(Welcome.newBuilder().setCoordinatorNodeId("bench-sink").setAcceptsEventBatches(true)).build());
        request.response().write(CoordinatorMessage.newBuilder().setSnapshot(current).build());
      } else if (message.hasEvent()) {
        receive(message.getEvent());
      } else if (message.hasEvents()) {
        message.getEvents().getEventsList().forEach(this::receive);
      }
    }

    private void receive(Event event) {
      lastSeq = event.getSeq();
      if (event.hasObservation()) {
        window.observe(event.getObservation(), load);
      }
      if (lastSeq - ackedSeq >= ACK_EVERY) {
        ack();
      }
    }

    void ack() {
      if (lastSeq > ackedSeq && !request.response().writeQueueFull()) {
        ackedSeq = lastSeq;
        request.response().write(CoordinatorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(ackedSeq)).build());
      }
    }
  }
}
