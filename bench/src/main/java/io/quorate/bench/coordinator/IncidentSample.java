package io.quorate.bench.coordinator;

import io.quorate.bench.support.Result;
import io.vertx.core.Future;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Time to incident under load. The sample's monitors are taken out of the regions' regular reports, each
 * region reports them UP once (so each has a verdict to leave), then one monitor at a time, a fixed spacing
 * apart: region 1 reports DOWN and waits for its acknowledgement, region 2 reports DOWN, which completes
 * the quorum (2 of 3, one confirmation), {@link #COMPLETE_AFTER_MS} after region 1's (or when region 1's
 * acknowledgement comes, if later). T is when region 2's DOWN was written to its stream, behind whatever
 * that region had waiting, as a probe's would be. "Delivered" is T to the webhook's arrival at the
 * recording server (one monotonic clock); "decided" is T to the incident's {@code opened_at}, the
 * coordinator's own decision time (same machine, wall clock, before the transaction commits). "From receipt"
 * is the coordinator's alone: from when it read region 2's DOWN off the stream (the observation's
 * {@code received_at}) to the incident's {@code opened_at}, both its own clock; what the DOWN waited before
 * (in the simulated probe's outbox, in the stream's flow control) is left out.
 * Runs on the load JVM's main thread.
 */
final class IncidentSample {
  /**
   * Region 2 reports its DOWN this long after region 1, not as soon as region 1's is acknowledged: the
   * coordinator acknowledges every 100 stored events when busy, so waiting for the acknowledgement alone
   * would send region 2's DOWNs in bunches (a probe's would leave on their checks' own schedules), and
   * each would wait behind the others of its bunch.
   */
  static final long COMPLETE_AFTER_MS = 500;

  private IncidentSample() {
  }

  static Result run(List<RegionLink> regions, WebhookRecorder hooks, BenchDatabase db,
      List<MonitorCycle.Assigned> sample, long spacingMs, Duration timeout) throws InterruptedException, SQLException {
    Set<String> ids = sample.stream().map(MonitorCycle.Assigned::id).collect(Collectors.toSet());
    await(Future.all(regions.stream().map(region -> region.exclude(ids)).toList()), timeout);
    long primeStart = System.nanoTime();
    List<Future<Void>> primed = new ArrayList<>();
    for (RegionLink region : regions) {
      for (MonitorCycle.Assigned monitor : sample) {
        primed.add(region.report(monitor, false).compose(RegionLink.Tracked::acked));
      }
    }
    await(Future.all(primed), timeout);
    long primeMs = (System.nanoTime() - primeStart) / 1_000_000;

    long start = System.nanoTime();
    List<CompletableFuture<double[]>> timings = new ArrayList<>();
    List<Future<RegionLink.Tracked>> completingDowns = new ArrayList<>();
    for (int i = 0; i < sample.size(); i++) {
      long due = start + i * spacingMs * 1_000_000;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      MonitorCycle.Assigned monitor = sample.get(i);
      CompletableFuture<WebhookRecorder.Arrival> arrival = hooks.opened(monitor.id());
      Future<RegionLink.Tracked> completingDown = regions.get(0).report(monitor, true)
          .compose(RegionLink.Tracked::acked)
          .compose(v -> regions.get(1).reportAt(monitor, true, due + COMPLETE_AFTER_MS * 1_000_000));
      completingDowns.add(completingDown);
      Future<RegionLink.Written> completing = completingDown.compose(RegionLink.Tracked::written);
      timings.add(completing.toCompletionStage().toCompletableFuture().thenCombine(arrival, (t, at) -> new double[] {
          (at.nanos() - t.nanos()) / 1e6, Duration.between(t.wall(), at.openedAt()).toNanos() / 1e6}));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Double> delivered = new ArrayList<>();
    List<Double> decided = new ArrayList<>();
    int missing = 0;
    for (CompletableFuture<double[]> timing : timings) {
      try {
        double[] ms = timing.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        delivered.add(ms[0]);
        decided.add(ms[1]);
      } catch (TimeoutException | ExecutionException e) {
        missing++;
      }
    }
    Result result = new Result().put("sample", sample.size()).put("missing", missing).put("prime_ms", primeMs)
        .put("spacing_ms", spacingMs);
    Distribution.describe(delivered, "delivered_", result);
    Distribution.describe(decided, "decided_", result);
    List<String> completingEvents = completingDowns.stream().filter(Future::succeeded)
        .map(down -> down.result().eventId()).toList();
    Distribution.describe(db.receiptToOpening(completingEvents), "from_receipt_", result);
    return result;
  }

  private static void await(Future<?> future, Duration timeout) throws InterruptedException {
    try {
      future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("incident sample: not acknowledged within " + timeout.toSeconds() + " s: " + e, e);
    }
  }
}
