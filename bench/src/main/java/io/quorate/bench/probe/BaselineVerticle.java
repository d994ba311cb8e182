package io.quorate.bench.probe;

import io.quorate.bench.support.Latencies;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bare client: one timer per "monitor" on the probe's slot grid, each firing a plain GET and reading
 * the body, on one event loop like the probe's scheduler. No conditions, no link, no outbox: what is left
 * is the cost of timers and HTTP alone. Timers are re-armed for the next slot exactly as the probe does (the
 * first slot at least half an interval away), so both schedule the same way and differ only in the work.
 * Connections are kept alive for 4 s like the probe's; the pool has {@code poolSize} connections per
 * target, by default Vert.x's 5 (the probe allows maxConcurrentChecks + 16, and on this machine a pool that
 * large grew to hundreds of connections under load and slowed the client down: see README). Like the
 * sink, it counts a request in the window it started in.
 */
final class BaselineVerticle extends VerticleBase {
  private static final int KEEP_ALIVE_S = 4;

  final Latencies lateness = new Latencies();
  final LongAdder completed = new LongAdder();
  final LongAdder failed = new LongAdder();
  private final Load load;
  private final Ramp ramp;
  private final int targetPort;
  private final int poolSize;
  private final String[] paths;
  private final long[] offsets;
  private HttpClientAgent client;
  private volatile long windowStartMs = Long.MAX_VALUE;
  private volatile long windowEndMs = Long.MAX_VALUE;

  BaselineVerticle(Load load, Ramp ramp, int targetPort, int poolSize) {
    this.load = load;
    this.ramp = ramp;
    this.targetPort = targetPort;
    this.poolSize = poolSize;
    this.paths = new String[load.monitors()];
    this.offsets = new long[load.monitors()];
    for (int i = 0; i < load.monitors(); i++) {
      paths[i] = load.path(i);
      offsets[i] = Slots.offset(Load.monitorId(i), load.intervalMs());
    }
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(KEEP_ALIVE_S)
        .setMaxRedirects(0).setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(poolSize));
    armAll(true);
    return Future.succeededFuture();
  }

  /** Starts the monitors left out by the ramp (the probe gets them in a new snapshot at this point). */
  void completeRamp() {
    context.runOnContext(v -> armAll(false));
  }

  private void armAll(boolean first) {
    long now = System.currentTimeMillis();
    for (int i = 0; i < paths.length; i++) {
      if (ramp.first(i) == first) {
        arm(i, Slots.slotAfter(now, offsets[i], load.intervalMs()), now);
      }
    }
  }

  private void arm(int monitor, long slot, long now) {
    vertx.setTimer(Math.max(1, slot - now), id -> due(monitor, slot));
  }

  /** From now on, requests that start count; those started before are ignored even if they end later. */
  void startWindow() {
    windowEndMs = Long.MAX_VALUE;
    lateness.window();
    completed.reset();
    failed.reset();
    windowStartMs = System.currentTimeMillis();
  }

  void endWindow() {
    windowEndMs = System.currentTimeMillis();
  }

  private void due(int monitor, long slot) {
    long startedAt = System.currentTimeMillis();
    boolean counted = startedAt >= windowStartMs && startedAt < windowEndMs;
    if (counted) {
      lateness.record(startedAt - slot);
    }
    arm(monitor, Slots.slotAfter(startedAt + load.intervalMs() / 2, offsets[monitor], load.intervalMs()), startedAt);
    RequestOptions request = new RequestOptions().setHost("127.0.0.1").setPort(targetPort).setURI(paths[monitor])
        .setConnectTimeout(load.timeoutMs()).setIdleTimeout(load.timeoutMs());
    client.request(request)
        .compose(HttpClientRequest::send)
        .compose(response -> response.body().map(body -> response.statusCode()))
        .onComplete(done -> {
          if (counted) {
            (done.succeeded() && done.result() == 200 ? completed : failed).increment();
          }
        });
  }

  @Override
  public Future<?> stop() {
    return client == null ? Future.succeededFuture() : client.close();
  }
}
