package io.quorate.bench.probe;

import io.quorate.bench.support.Args;
import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.ParentWatch;
import io.quorate.bench.support.Result;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * The JVM that stands for everything around the probe: the queue-stats target, the sink coordinator, and a
 * control endpoint for the runner and the probe JVM. Kept apart from the probe so the probe JVM's CPU and
 * heap figures are the probe's alone; started once and kept for all rounds, so every round (baseline or
 * probe) meets the same warmed-up target.
 *
 * <p>Control: {@code POST /plan} with load and ramp options as body (the checks of the next rounds),
 * {@code POST /plan/resume} (hand them to the probe), {@code /plan/complete-ramp} (all of them, now),
 * {@code /plan/pause} (take them back), {@code POST /window/start} and {@code /window/end} mark a
 * measurement window, {@code GET /window} reports it (see {@link SinkWindow} for what counts).
 */
public final class FixturesMain {
  private FixturesMain() {
  }

  public static void main(String[] words) throws IOException {
    ParentWatch.exitWhenStdinCloses();
    Args args = Args.parse(words);
    int instances = args.integer("target-instances", Runtime.getRuntime().availableProcessors());
    Vertx vertx = Vertx.vertx();
    int targetPort = freePort();
    QueueStatsTarget.Counters counters = new QueueStatsTarget.Counters();
    vertx.deployVerticle(() -> new QueueStatsTarget(targetPort, counters),
        new DeploymentOptions().setInstances(instances)).await();
    SinkWindow window = new SinkWindow(counters);
    SinkCoordinator sink = new SinkCoordinator(vertx, window);
    int sinkPort = sink.start().await();
    int controlPort = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(request -> control(vertx, request, sink, window, targetPort))
        .listen().await().actualPort();
    traceEverySecond(vertx, counters);
    ChildJvm.printReady(new Result().put("target_port", targetPort).put("sink_port", sinkPort)
        .put("control_port", controlPort).put("target_instances", instances));
  }

  private static void control(Vertx vertx, HttpServerRequest request, SinkCoordinator sink, SinkWindow window,
      int targetPort) {
    String route = request.method() + " " + request.path();
    if (route.equals("GET /window")) {
      request.response().end(window.report().line());
    } else if (route.equals("POST /plan/resume")) {
      sink.resume();
      request.response().setStatusCode(204).end();
    } else if (route.equals("POST /plan/complete-ramp")) {
      sink.completeRamp();
      request.response().setStatusCode(204).end();
    } else if (route.equals("POST /plan/pause")) {
      sink.pause();
      request.response().setStatusCode(204).end();
    } else if (route.equals("POST /window/start")) {
      window.start();
      request.response().setStatusCode(204).end();
    } else if (route.equals("POST /window/end")) {
      window.end();
      request.response().setStatusCode(204).end();
    } else if (request.method() == HttpMethod.POST && request.path().equals("/plan")) {
      // Tens of thousands of checks to build: done off the event loop that also serves the target.
      request.body()
          .compose(body -> vertx.executeBlocking(() -> {
            Args plan = Args.parse(body.toString().strip().split("\\s+"));
            sink.plan(Load.from(plan), Window.rampFrom(plan), targetPort);
            return null;
          }))
          .onSuccess(done -> request.response().setStatusCode(204).end())
          .onFailure(error -> request.response().setStatusCode(400).end(String.valueOf(error.getMessage())));
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  /**
   * One line a second in this JVM's log (requests answered, requests left hanging, open connections), to
   * see afterwards how a run unfolded: a client whose pool balloons shows up here first.
   */
  private static void traceEverySecond(Vertx vertx, QueueStatsTarget.Counters counters) {
    long[] last = new long[2];
    vertx.setPeriodic(1_000, id -> {
      long answered = counters.answered.sum();
      long hanging = counters.hanging.sum();
      System.out.printf("%tT target answered=%d/s hanging=%d/s connections=%d%n", System.currentTimeMillis(),
          answered - last[0], hanging - last[1], counters.connections.sum());
      last[0] = answered;
      last[1] = hanging;
    });
  }

  /** Several target instances share one port, so it is chosen up front rather than with port 0. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
