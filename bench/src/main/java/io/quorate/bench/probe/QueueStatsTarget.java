package io.quorate.bench.probe;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.LongAdder;

/**
 * The endpoint the checks poll: {@code GET /queues/<id>/stats} answers a queue-stats JSON body of about
 * 300 bytes, like a Sidekiq or Celery stats endpoint; {@code /hang/<id>} never answers, the way a wedged
 * upstream behaves. Deployed once per core on one port so it is never the bottleneck it is meant to stand
 * in for. The body is built once: the target's own cost should be as small as possible.
 */
final class QueueStatsTarget extends VerticleBase {
  static final Buffer BODY = Buffer.buffer("{\"queue\":\"receipt-emails\",\"enqueued\":42,\"in_progress\":5,"
      + "\"processed\":1838274,\"failed\":12,\"retries\":3,\"dead\":0,\"scheduled\":17,\"workers\":8,\"busy\":5,"
      + "\"oldest_age_s\":3.2,\"latency_p50_ms\":41.5,\"latency_p99_ms\":230.0,\"throughput_per_min\":512,"
      + "\"updated_at\":\"2026-11-23T22:10:00Z\",\"host\":\"worker-3.internal\",\"version\":\"7.2.1\"}");
  private static final String LENGTH = Integer.toString(BODY.length());

  private final int port;
  private final Counters counters;

  /** Requests seen, shared by the instances; read by the fixtures' window report. */
  static final class Counters {
    final LongAdder answered = new LongAdder();
    final LongAdder hanging = new LongAdder();
    /** Open connections: a client pool that grows under load shows here. */
    final LongAdder connections = new LongAdder();
  }

  QueueStatsTarget(int port, Counters counters) {
    this.port = port;
    this.counters = counters;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .connectionHandler(connection -> {
          counters.connections.increment();
          connection.closeHandler(v -> counters.connections.decrement());
        })
        .requestHandler(this::handle)
        .listen();
  }

  private void handle(HttpServerRequest request) {
    String path = request.path();
    if (path.startsWith("/queues/")) {
      counters.answered.increment();
      request.response()
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .putHeader(HttpHeaders.CONTENT_LENGTH, LENGTH)
          .end(BODY);
    } else if (path.startsWith("/hang/")) {
      // Never answered: the probe's deadline must end the run and close the connection.
      counters.hanging.increment();
    } else {
      request.response().setStatusCode(404).end();
    }
  }
}
