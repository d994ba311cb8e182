package io.quorate.probe.check;

import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each assigned check every {@code interval_ms}, at a phase fixed by the monitor id (its hash modulo the
 * interval), so many monitors with one interval are spread over it instead of firing together. The first run
 * of a new or changed check comes sooner, within a few seconds. A monitor
 * never has two runs at once (a run still going when the next is due makes that one skip), and at most
 * {@code maxConcurrent} runs are in flight; more wait in line for a free slot.
 *
 * <p>Timers come from Vert.x; the time slots and lateness come from the injected {@link Clock}. Used on
 * the probe node's event loop only.
 */
public final class CheckScheduler {
  private static final Logger log = LoggerFactory.getLogger(CheckScheduler.class);
  private static final long MIN_INTERVAL_MS = 100;
  static final long FIRST_RUN_WINDOW_MS = 5_000;

  private final Vertx vertx;
  private final Clock clock;
  private final int maxConcurrent;
  private final CheckRunner runner;
  private final Consumer<Observation> sink;
  private final Map<String, ScheduledCheck> checks = new HashMap<>();
  private final ArrayDeque<ScheduledCheck> waiting = new ArrayDeque<>();
  private final CheckMetrics metrics;
  private int inFlight;

  public CheckScheduler(Vertx vertx, Clock clock, int maxConcurrent, CheckRunner runner, Consumer<Observation> sink,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.clock = clock;
    this.maxConcurrent = maxConcurrent;
    this.runner = runner;
    this.sink = sink;
    this.metrics = new CheckMetrics(registry, this);
  }

  /**
   * Makes {@code assigned} the complete set of checks: new ones start, missing ones stop. Logs one summary
   * line at INFO (a snapshot may hold tens of thousands of checks) and each check at DEBUG.
   */
  public void replaceAll(List<HttpCheck> assigned) {
    Set<String> keep = new HashSet<>();
    int changed = 0;
    for (HttpCheck check : assigned) {
      keep.add(check.getMonitorId());
      changed += upsert(check, false) ? 1 : 0;
    }
    int removed = 0;
    for (String id : List.copyOf(checks.keySet())) {
      if (!keep.contains(id)) {
        remove(id, false);
        removed++;
      }
    }
    log.info("checks replaced assigned={} new_or_changed={} removed={}", checks.size(), changed, removed);
  }

  /** Schedules a new check, or reschedules a changed one; an identical check keeps its schedule. */
  public void upsert(HttpCheck check) {
    upsert(check, true);
  }

  /** @return whether the check is new or changed */
  private boolean upsert(HttpCheck check, boolean loud) {
    ScheduledCheck existing = checks.get(check.getMonitorId());
    if (existing != null && existing.check.spec().equals(check)) {
      return false;
    }
    if (check.getIntervalMs() < MIN_INTERVAL_MS) {
      log.warn("check ignored monitor={} reason=\"interval_ms {} is below {}\"", check.getMonitorId(),
          check.getIntervalMs(), MIN_INTERVAL_MS);
      remove(check.getMonitorId(), loud);
      return false;
    }
    ScheduledCheck entry = existing != null ? existing : new ScheduledCheck();
    cancelTimer(entry);
    entry.check = PreparedCheck.of(check);
    checks.put(check.getMonitorId(), entry);
    if (loud || log.isDebugEnabled()) {
      infoOrDebug(loud, "check {} monitor={} name=\"{}\" version={} interval_ms={} timeout_ms={}",
          existing == null ? "assigned" : "changed", check.getMonitorId(), check.getName(), check.getVersion(),
          check.getIntervalMs(), check.getTimeoutMs());
    }
    if (entry.check.invalidReason() != null) {
      log.warn("check cannot run monitor={} reason=\"{}\"", check.getMonitorId(), entry.check.invalidReason());
    }
    scheduleFirst(entry);
    return true;
  }

  /** The host the monitor's check calls, or null when it is not assigned here (or its URL has none). */
  public String hostOf(String monitorId) {
    ScheduledCheck entry = checks.get(monitorId);
    if (entry == null) {
      return null;
    }
    try {
      return java.net.URI.create(entry.check.spec().getUrl()).getHost();
    } catch (IllegalArgumentException badUrl) {
      return null;
    }
  }

  /** Stops a check; the result of a run still in flight is discarded. Unknown ids are ignored. */
  public void remove(String monitorId) {
    remove(monitorId, true);
  }

  private void remove(String monitorId, boolean loud) {
    ScheduledCheck entry = checks.remove(monitorId);
    if (entry == null) {
      return;
    }
    entry.removed = true;
    cancelTimer(entry);
    if (entry.waiting) {
      waiting.remove(entry);
    }
    infoOrDebug(loud, "check removed monitor={}", monitorId);
  }

  public int size() {
    return checks.size();
  }

  int inFlight() {
    return inFlight;
  }

  /** Stops every timer; runs in flight finish on their own and are discarded. */
  public void close() {
    for (ScheduledCheck entry : checks.values()) {
      entry.removed = true;
      cancelTimer(entry);
    }
    checks.clear();
    waiting.clear();
  }

  /** The next slot strictly after now: the smallest t > now with t ≡ offset (mod interval). */
  static long nextSlot(long now, long intervalMs, String monitorId) {
    long offset = Math.floorMod(monitorId.hashCode(), intervalMs);
    return now - Math.floorMod(now - offset, intervalMs) + intervalMs;
  }

  /**
   * A new or changed check runs soon, at a per-monitor offset within the first {@value #FIRST_RUN_WINDOW_MS}
   * ms (or its interval, if shorter), so people see a first result quickly and a probe that just received
   * thousands of checks spreads them instead of firing them all at once.
   */
  private void scheduleFirst(ScheduledCheck entry) {
    long window = Math.min(entry.spec().getIntervalMs(), FIRST_RUN_WINDOW_MS);
    long delay = 1 + Math.floorMod(entry.spec().getMonitorId().hashCode(), window);
    long slot = clock.millis() + delay;
    entry.timer = vertx.setTimer(delay, id -> due(entry, slot));
  }

  /** The monitor's next slot at least half an interval away, so a late or first run is not followed at once. */
  private void scheduleNext(ScheduledCheck entry) {
    long now = clock.millis();
    long interval = entry.spec().getIntervalMs();
    long slot = nextSlot(now + interval / 2, interval, entry.spec().getMonitorId());
    entry.timer = vertx.setTimer(Math.max(1, slot - now), id -> due(entry, slot));
  }

  private void due(ScheduledCheck entry, long slot) {
    entry.timer = -1;
    if (entry.removed) {
      return;
    }
    scheduleNext(entry);
    if (entry.running || entry.waiting) {
      metrics.skipped.increment();
      log.debug("check skipped monitor={} reason=\"previous run still in progress\"", entry.spec().getMonitorId());
    } else if (inFlight >= maxConcurrent) {
      entry.waiting = true;
      entry.dueAt = slot;
      waiting.addLast(entry);
    } else {
      run(entry, slot);
    }
  }

  private void run(ScheduledCheck entry, long slot) {
    entry.running = true;
    inFlight++;
    long startedAt = clock.millis();
    metrics.lateness.record(Duration.ofMillis(Math.max(0, startedAt - slot)));
    PreparedCheck check = entry.check;
    HttpCheck spec = check.spec();
    CheckRunner.safely(runner, check).onComplete(done -> {
      entry.running = false;
      inFlight--;
      if (done.succeeded()) {
        report(entry, spec, done.result());
      } else {
        log.error("check crashed monitor={} error=\"{}\"", spec.getMonitorId(), done.cause().toString(), done.cause());
      }
      startWaiting();
    });
  }

  private void startWaiting() {
    while (inFlight < maxConcurrent && !waiting.isEmpty()) {
      ScheduledCheck next = waiting.pollFirst();
      next.waiting = false;
      if (!next.removed) {
        run(next, next.dueAt);
      }
    }
  }

  private void report(ScheduledCheck entry, HttpCheck spec, Observation observation) {
    metrics.record(observation);
    String id = spec.getMonitorId();
    if (log.isDebugEnabled()) {
      log.debug("check result monitor={} version={} outcome={} kind={} status={} latency_ms={} reason=\"{}\"", id,
          spec.getVersion(), outcomeName(observation.getOutcome()), observation.getFailureKind(),
          observation.getStatusCode(), observation.getLatencyMs(), observation.getReason());
    }
    if (entry.removed) {
      return;
    }
    if (entry.lastOutcome != observation.getOutcome()) {
      logStateChange(entry.lastOutcome, spec, observation);
      entry.lastOutcome = observation.getOutcome();
    }
    sink.accept(observation);
  }

  /** A first result that is up is no news (and thousands arrive after a snapshot): DEBUG; the rest INFO. */
  private static void logStateChange(Outcome from, HttpCheck spec, Observation observation) {
    boolean news = from != Outcome.OUTCOME_UNSPECIFIED || observation.getOutcome() != Outcome.OUTCOME_UP;
    if (news || log.isDebugEnabled()) {
      infoOrDebug(news, "check state monitor={} name=\"{}\" from={} to={} kind={} reason=\"{}\"", spec.getMonitorId(),
          spec.getName(), outcomeName(from), outcomeName(observation.getOutcome()), observation.getFailureKind(),
          observation.getReason());
    }
  }

  private static void infoOrDebug(boolean info, String message, Object... args) {
    if (info) {
      log.info(message, args);
    } else {
      log.debug(message, args);
    }
  }

  static String outcomeName(Outcome outcome) {
    return switch (outcome) {
      case OUTCOME_UP -> "up";
      case OUTCOME_DOWN -> "down";
      default -> "pending";
    };
  }

  private void cancelTimer(ScheduledCheck entry) {
    if (entry.timer >= 0) {
      vertx.cancelTimer(entry.timer);
      entry.timer = -1;
    }
  }

  /** One monitor's schedule and state: kept small, a probe holds tens of thousands. */
  private static final class ScheduledCheck {
    PreparedCheck check;
    long timer = -1;
    long dueAt;
    boolean running;
    boolean waiting;
    boolean removed;
    Outcome lastOutcome = Outcome.OUTCOME_UNSPECIFIED;

    HttpCheck spec() {
      return check.spec();
    }
  }
}
