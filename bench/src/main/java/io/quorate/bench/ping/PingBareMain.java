package io.quorate.bench.ping;

import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.ParentWatch;
import io.quorate.bench.support.Result;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The baseline JVM: a bare Vert.x HTTP server answering {@code 200 OK} to every request once its body has
 * arrived, on one event loop like the probe node's HTTP server. What the probe adds on top (parsing the
 * ping URL, the rate limit, the spool and its fsync, the link) is the difference between the two.
 */
public final class PingBareMain {
  private PingBareMain() {
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(request -> request.end().onComplete(done ->
            request.response().putHeader("Content-Type", "text/plain; charset=utf-8").end("OK")))
        .listen().await();
    ParentWatch.exitWhenStdinCloses();
    ChildJvm.printReady(new Result().put("http_port", server.actualPort()));
  }
}
