package io.quorate.coordinator.status;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The rendered status, loaded at most once per {@code maxAge} (by the injected clock) however many readers
 * ask: readers arriving during a load share it. A failed load is not kept, so the next reader tries again;
 * until then readers get the last good status if there is one, since a slightly old status page beats none.
 */
public final class StatusCache {
  private final Clock clock;
  private final Duration maxAge;
  private final Function<Instant, Future<StatusSnapshot>> loader;
  private final AtomicReference<Entry> current = new AtomicReference<>();
  private final AtomicReference<RenderedStatus> lastGood = new AtomicReference<>();

  private record Entry(Future<RenderedStatus> rendered, Instant loadedAt) {}

  public StatusCache(Clock clock, Duration maxAge, Function<Instant, Future<StatusSnapshot>> loader) {
    this.clock = clock;
    this.maxAge = maxAge;
    this.loader = loader;
  }

  Future<RenderedStatus> get() {
    Instant now = clock.instant();
    Entry entry = current.get();
    Future<RenderedStatus> rendered = entry != null && isUsable(entry, now) ? entry.rendered() : load(now);
    return rendered.recover(error -> {
      RenderedStatus previous = lastGood.get();
      return previous == null ? Future.failedFuture(error) : Future.succeededFuture(previous);
    });
  }

  private Future<RenderedStatus> load(Instant now) {
    Future<RenderedStatus> rendered = loader.apply(now).map(RenderedStatus::of).onSuccess(lastGood::set);
    // Two readers racing here may both load once; that is cheaper than a lock and changes nothing visible.
    current.set(new Entry(rendered, now));
    return rendered;
  }

  private boolean isUsable(Entry entry, Instant now) {
    if (!entry.rendered().isComplete()) {
      return true;
    }
    return entry.rendered().succeeded() && now.isBefore(entry.loadedAt().plus(maxAge))
        && !now.isBefore(entry.loadedAt()); // a clock set back (tests) reloads rather than serving the future
  }
}
