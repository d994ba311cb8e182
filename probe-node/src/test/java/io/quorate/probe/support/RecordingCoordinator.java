package io.quorate.probe.support;

import io.quorate.link.v1.Ack;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.CheckRunResult;
import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.Event;
import io.quorate.link.v1.Hello;
import io.quorate.link.v1.ProbeLinkGrpcService;
import io.quorate.link.v1.ProbeMessage;
import io.quorate.link.v1.Watermark;
import io.quorate.link.v1.Welcome;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for a coordinator on the probe link: a real gRPC server on a loopback port that records every
 * stream, Hello and Event, answers Hello with Welcome and the current snapshot, and acknowledges events
 * when told to. Safe to read from the test thread.
 */
public final class RecordingCoordinator implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;
  private final String name;
  private final List<Stream> streams = new CopyOnWriteArrayList<>();
  private final AtomicReference<AssignmentSnapshot> snapshot =
      new AtomicReference<>(AssignmentSnapshot.getDefaultInstance());
  private final AtomicBoolean autoAck = new AtomicBoolean(true);
  private final AtomicBoolean acceptsBatches = new AtomicBoolean(false);
  private final AtomicBoolean acceptsWatermarks = new AtomicBoolean(false);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger refusalsLeft = new AtomicInteger();
  private final AtomicReference<GrpcStatus> refusal = new AtomicReference<>(GrpcStatus.UNAUTHENTICATED);

  /** One stream as the coordinator saw it. */
  public static final class Stream {
    public final long openedAtNanos = System.nanoTime();
    public final String authorization;
    public final List<Hello> hellos = new CopyOnWriteArrayList<>();
    public final List<Event> events = new CopyOnWriteArrayList<>();
    /** Size of each EventBatch received, in order. */
    public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    public final List<CheckRunResult> checkResults = new CopyOnWriteArrayList<>();
    /** Watermarks in arrival order, each with the number of events this stream had received before it. */
    public final List<ReceivedWatermark> watermarks = new CopyOnWriteArrayList<>();
    public final boolean refused;
    final GrpcServerRequest<ProbeMessage, CoordinatorMessage> request;
    final Context context;
    volatile boolean ended;

    Stream(GrpcServerRequest<ProbeMessage, CoordinatorMessage> request, Context context, boolean refused) {
      this.request = request;
      this.context = context;
      this.authorization = request.headers().get("authorization");
      this.refused = refused;
    }
  }

  /** A watermark and how many events had arrived on its stream before it. */
  public record ReceivedWatermark(Watermark watermark, int eventsBefore) {
  }

  private RecordingCoordinator(Vertx vertx, HttpServer server, String name) {
    this.vertx = vertx;
    this.server = server;
    this.name = name;
  }

  public static RecordingCoordinator start(Vertx vertx, String name) {
    GrpcServer grpc = GrpcServer.server(vertx);
    HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    RecordingCoordinator coordinator = new RecordingCoordinator(vertx, http, name);
    grpc.callHandler(ProbeLinkGrpcService.Connect, coordinator::onStream);
    http.requestHandler(grpc).listen().await();
    return coordinator;
  }

  public String address() {
    return "127.0.0.1:" + server.actualPort();
  }

  public void snapshot(AssignmentSnapshot value) {
    snapshot.set(value);
  }

  public void autoAck(boolean value) {
    autoAck.set(value);
  }

  /** Whether the Welcome invites EventBatch messages (false: behave like a coordinator that predates them). */
  public void acceptsBatches(boolean value) {
    acceptsBatches.set(value);
  }

  /** Whether the Welcome asks for Watermark messages. */
  public void acceptsWatermarks(boolean value) {
    acceptsWatermarks.set(value);
  }

  public List<ReceivedWatermark> watermarks() {
    return streams.stream().flatMap(s -> s.watermarks.stream()).toList();
  }

  /** Refuses the next {@code count} streams with {@code status} before reading anything. */
  public void refuseNext(int count, GrpcStatus status) {
    refusal.set(status);
    refusalsLeft.set(count);
  }

  public List<Stream> streams() {
    return List.copyOf(streams);
  }

  public List<Stream> acceptedStreams() {
    return streams.stream().filter(s -> !s.refused).toList();
  }

  public List<Hello> hellos() {
    return streams.stream().flatMap(s -> s.hellos.stream()).toList();
  }

  public List<Event> events() {
    return streams.stream().flatMap(s -> s.events.stream()).toList();
  }

  /** Answers to RunCheck requests, from every stream. */
  public List<CheckRunResult> checkResults() {
    return streams.stream().flatMap(s -> s.checkResults.stream()).toList();
  }

  /** Sends a message on every open stream. */
  public void send(CoordinatorMessage message) {
    for (Stream stream : openStreams()) {
      stream.context.runOnContext(v -> stream.request.response().write(message));
    }
  }

  public void ack(long seq) {
    send(CoordinatorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(seq)).build());
  }

  /** Ends every open stream from the server side with UNAVAILABLE, as a coordinator shutting down would. */
  public void dropStreams() {
    for (Stream stream : openStreams()) {
      stream.ended = true;
      stream.context.runOnContext(v -> stream.request.response().status(GrpcStatus.UNAVAILABLE).end());
    }
  }

  private List<Stream> openStreams() {
    return streams.stream().filter(s -> !s.refused && !s.ended).toList();
  }

  private void onStream(GrpcServerRequest<ProbeMessage, CoordinatorMessage> request) {
    boolean refuse = refusalsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    Stream stream = new Stream(request, vertx.getOrCreateContext(), refuse);
    streams.add(stream);
    if (refuse) {
      request.response().status(refusal.get()).end();
      return;
    }
    request.handler(message -> {
      if (message.hasHello()) {
        stream.hellos.add(message.getHello());
        request.response().write(CoordinatorMessage.newBuilder()
            .setWelcome(Welcome.newBuilder().setCoordinatorNodeId(name).setAcceptsEventBatches(acceptsBatches.get())
                .setAcceptsWatermarks(acceptsWatermarks.get()))
            .build());
        request.response().write(CoordinatorMessage.newBuilder().setSnapshot(snapshot.get()).build());
      } else if (message.hasWatermark()) {
        stream.watermarks.add(new ReceivedWatermark(message.getWatermark(), stream.events.size()));
      } else if (message.hasCheckResult()) {
        stream.checkResults.add(message.getCheckResult());
      } else if (message.hasEvent()) {
        received(stream, List.of(message.getEvent()));
      } else if (message.hasEvents()) {
        stream.batchSizes.add(message.getEvents().getEventsCount());
        received(stream, message.getEvents().getEventsList());
      }
    });
    request.endHandler(v -> stream.ended = true);
    request.exceptionHandler(error -> stream.ended = true);
    request.errorHandler(error -> stream.ended = true);
  }

  private void received(Stream stream, List<Event> events) {
    stream.events.addAll(events);
    if (autoAck.get()) {
      stream.request.response().write(CoordinatorMessage.newBuilder()
          .setAck(Ack.newBuilder().setSeq(events.get(events.size() - 1).getSeq())).build());
    }
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    dropStreams();
    server.close().await();
  }
}
