package io.quorate.bench.ping;

import io.quorate.bench.support.Args;
import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.ParentWatch;
import io.quorate.bench.support.Result;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The fixtures JVM of the ping benchmark: the sink coordinator, and a control endpoint
 * ({@code GET /count}: distinct pings and duplicates received) for the runner. Kept out of the probe's and
 * the bare server's JVMs so each measured JVM does its own work only.
 */
public final class PingFixturesMain {
  private PingFixturesMain() {
  }

  public static void main(String[] args) {
    Args options = Args.parse(args);
    Vertx vertx = Vertx.vertx();
    PingSink sink = new PingSink(vertx, options.integer("targets", 10_000));
    int grpcPort = sink.start().await();
    HttpServer control = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(request -> request.response().end("pings=" + sink.pings() + " duplicates=" + sink.duplicates()))
        .listen().await();
    ParentWatch.exitWhenStdinCloses();
    ChildJvm.printReady(new Result().put("sink", "127.0.0.1:" + grpcPort)
        .put("control", "http://127.0.0.1:" + control.actualPort() + "/count"));
  }
}
