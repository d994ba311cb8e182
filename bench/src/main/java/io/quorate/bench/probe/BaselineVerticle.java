package io.quorate.bench.probe;

import io.quorate.bench.support.Latencies;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;

/**
 * The bare client: one timer per "monitor" on the probe's slot grid, each firing a plain GET and reading
 * the body, on one event loop like the probe's scheduler. No conditions, no link, no outbox: what is left
 * is the cost of timers and HTTP alone. Timers are re-armed for the next slot exactly as the probe does (the
 * first slot at least half an interval away), so both schedule the same way and differ only in the work.
 * Connections are kept alive for 4 s like the probe's; the pool has {@code poolSize} connections per
 * target, by default Vert.x's 5 (the probe allows maxConcurrentChecks + 16, and on this machine a pool that
 * large grew to hundreds of connections under load and slowed the client down: see README). Like the
 * sink, it counts a request in the window it started in. Between rounds it is paused: no timers at all.
 */
final class BaselineVerticle extends VerticleBase {
  private static final int KEEP_ALIVE_S = 4;

  final Latencies lateness = new Latencies();
  final LongAdder completed = new LongAdder();
  final LongAdder failed = new LongAdder();
  private final Load load;
  private final int targetPort;
  private final int poolSize;
  private final String[] paths;
  private final long[] offsets;
  private final long[] timers;
  private HttpClientAgent client;
  private volatile long windowStartMs = Long.MAX_VALUE;
  private volatile long windowEndMs = Long.MAX_VALUE;

  BaselineVerticle(Load load, int targetPort, int poolSize) {
    this.load = load;
    this.targetPort = targetPort;
    this.poolSize = poolSize;
    this.paths = new String[load.monitors()];
    this.offsets = new long[load.monitors()];
    this.timers = new long[load.monitors()];
    Arrays.fill(timers, -1);
    for (int i = 0; i < load.monitors(); i++) {
      paths[i] = load.path(i);
      offsets[i] = Slots.offset(Load.monitorId(i), load.intervalMs());
    }
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(KEEP_ALIVE_S)
        .setMaxRedirects(0).setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(poolSize));
    return Future.succeededFuture();
  }

  /** Starts the monitors of the ramp (all of them without one), as the probe gets its snapshot. */
  void resume(Ramp ramp) {
    context.runOnContext(v -> armAll(i -> ramp.first(i)));
  }

  /** Starts the monitors the ramp left out (the probe gets them in a new snapshot at this point). */
  void completeRamp(Ramp ramp) {
    context.runOnContext(v -> armAll(i -> !ramp.first(i)));
  }

  /** Stops every timer; requests under way finish on their own. */
  void pause() {
    context.runOnContext(v -> {
      for (int i = 0; i < timers.length; i++) {
        if (timers[i] >= 0) {
          vertx.cancelTimer(timers[i]);
          timers[i] = -1;
        }
      }
    });
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

  private void armAll(IntPredicate which) {
    long now = System.currentTimeMillis();
    for (int i = 0; i < paths.length; i++) {
      if (which.test(i) && timers[i] < 0) {
        arm(i, Slots.slotAfter(now, offsets[i], load.intervalMs()), now);
      }
    }
  }

  private void arm(int monitor, long slot, long now) {
    timers[monitor] = vertx.setTimer(Math.max(1, slot - now), id -> due(monitor, slot));
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
