package io.quorate.coordinator.heartbeat;

import io.quorate.coordinator.heartbeat.HeartbeatFacts.FleetCounts;
import io.quorate.coordinator.heartbeat.HeartbeatFacts.OpenRun;
import io.quorate.coordinator.heartbeat.HeartbeatProblem.Cause;
import io.quorate.coordinator.heartbeat.schedule.Schedule;
import io.quorate.coordinator.incident.AlertText;
import io.quorate.coordinator.monitor.Durations;
import io.quorate.coordinator.monitor.FleetRule;
import io.quorate.coordinator.monitor.HeartbeatSpec;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides a heartbeat's state from what is known. Pure: the same facts and times give the same answer on
 * every coordinator node, so the sweeper, the ingestion path and the API agree.
 *
 * <p>{@code knownUntil} is the time up to which enough regions have delivered every ping they received (see
 * {@link KnownUntil}): a deadline is declared missed, and a run a zombie, only once it is known. Until then
 * a monitor past its deadline is shown as late and waiting for regions.
 */
public final class HeartbeatEvaluator {
  private HeartbeatEvaluator() {}

  public static HeartbeatStatus evaluate(HeartbeatSpec spec, HeartbeatFacts facts, Instant knownUntil, Instant now) {
    boolean snoozed = facts.snoozedUntil().filter(now::isBefore).isPresent();
    if (facts.paused() || snoozed) {
      return new HeartbeatStatus("paused", Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
    Optional<Instant> rearmed = latest(facts.armedAt(), facts.snoozedUntil());
    Optional<HeartbeatProblem> problem = failure(spec, facts, rearmed).or(() -> zombie(spec, facts, rearmed, knownUntil));
    HeartbeatStatus timing = spec.schedule().isPresent()
        ? scheduled(spec, spec.schedule().get(), facts, rearmed, knownUntil, now)
        : fleet(spec.fleet().orElseThrow(), facts, rearmed);
    problem = problem.or(timing::problem);
    String state = problem.isPresent() ? "down" : !facts.openRuns().isEmpty() ? "running" : timing.state();
    return new HeartbeatStatus(state, timing.nextDueAt(), timing.deadlineAt(), problem, timing.waitingForRegions());
  }

  /** The newest completion was a fail ping (or a success whose body broke a condition) since the last re-arm. */
  private static Optional<HeartbeatProblem> failure(HeartbeatSpec spec, HeartbeatFacts facts, Optional<Instant> rearmed) {
    if (spec.fleet().isPresent() || facts.lastFailAt().isEmpty()) {
      return Optional.empty(); // a fleet judges its failure ratio instead of single failures
    }
    Instant failedAt = facts.lastFailAt().get();
    // A failure and a success in the same millisecond: the failure wins, an alert is the safer mistake.
    boolean newest = facts.lastSuccessAt().map(success -> !failedAt.isBefore(success)).orElse(true);
    boolean sinceRearm = rearmed.map(failedAt::isAfter).orElse(true);
    if (!newest || !sinceRearm) {
      return Optional.empty();
    }
    return Optional.of(new HeartbeatProblem(Cause.FAIL, "failure reported " + AlertText.time(failedAt)
        + (facts.lastFailReason().isBlank() ? "" : ": " + facts.lastFailReason()), failedAt));
  }

  /** The oldest open run whose completion is overdue by more than max run time plus grace. */
  private static Optional<HeartbeatProblem> zombie(HeartbeatSpec spec, HeartbeatFacts facts, Optional<Instant> rearmed,
      Instant knownUntil) {
    return facts.openRuns().stream()
        .sorted(Comparator.comparing(OpenRun::startedAt))
        .filter(run -> !knownUntil.isBefore(runDeadline(spec, run, rearmed)))
        .findFirst()
        .map(run -> new HeartbeatProblem(Cause.ZOMBIE, "started " + AlertText.time(run.startedAt())
            + (run.runId().isEmpty() ? "" : " (rid " + run.runId() + ")") + (run.region().isEmpty() ? "" : " in " + run.region())
            + ", no completion after " + Durations.human(spec.runDeadline()) + runLimit(spec),
            runDeadline(spec, run, rearmed)));
  }

  private static Instant runDeadline(HeartbeatSpec spec, OpenRun run, Optional<Instant> rearmed) {
    Instant from = rearmed.filter(r -> r.isAfter(run.startedAt())).orElse(run.startedAt());
    return from.plus(spec.runDeadline());
  }

  private static String runLimit(HeartbeatSpec spec) {
    return spec.maxRunTime().map(max -> " (max run time " + Durations.format(max) + " + grace "
        + Durations.format(spec.grace()) + ")").orElse(" (grace " + Durations.format(spec.grace()) + ")");
  }

  private static HeartbeatStatus scheduled(HeartbeatSpec spec, Schedule schedule, HeartbeatFacts facts,
      Optional<Instant> rearmed, Instant knownUntil, Instant now) {
    Optional<Instant> reference = latest(facts.lastSuccessAt(), rearmed);
    if (reference.isEmpty()) {
      // Never pinged: nothing to be late for yet, as in Healthchecks.
      return new HeartbeatStatus("new", Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
    Instant due = schedule.nextExpectedAfter(reference.get());
    Instant deadline = due.plus(spec.grace());
    Optional<HeartbeatProblem> missed = Optional.empty();
    boolean waiting = false;
    String state = now.isBefore(due) ? "up" : "late";
    if (!now.isBefore(deadline)) {
      if (knownUntil.isBefore(deadline)) {
        waiting = true;
      } else {
        missed = Optional.of(new HeartbeatProblem(Cause.MISSED, missedReason(spec, schedule, facts, rearmed, due), deadline));
      }
    }
    return new HeartbeatStatus(state, Optional.of(due), Optional.of(deadline), missed, waiting);
  }

  private static String missedReason(HeartbeatSpec spec, Schedule schedule, HeartbeatFacts facts,
      Optional<Instant> rearmed, Instant due) {
    String since = facts.lastSuccessAt().filter(last -> rearmed.map(last::isAfter).orElse(true))
        .map(last -> "no ping since " + AlertText.time(last) + facts.lastSuccessRegion().map(r -> " (" + r + ")").orElse(""))
        .orElseGet(() -> "no ping since monitoring resumed " + AlertText.time(rearmed.orElseThrow()));
    return since + "; expected by " + AlertText.time(due) + " (" + schedule.describe() + ") + grace "
        + Durations.format(spec.grace());
  }

  private static HeartbeatStatus fleet(FleetRule rule, HeartbeatFacts facts, Optional<Instant> rearmed) {
    Optional<FleetCounts> counts = facts.fleet();
    Instant judgeableFrom = latest(Optional.of(facts.createdAt()), rearmed).orElseThrow();
    if (!facts.everPinged() || counts.isEmpty() || counts.get().from().isBefore(judgeableFrom)) {
      // A window that started before the monitor existed (or was re-armed) would count its gap as silence.
      return new HeartbeatStatus(facts.everPinged() ? "up" : "new", Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
    FleetCounts c = counts.get();
    String window = "in the " + Durations.format(rule.window()) + " up to " + AlertText.time(c.to());
    Optional<HeartbeatProblem> problem = Optional.empty();
    if (c.successes() < rule.minPings()) {
      problem = Optional.of(new HeartbeatProblem(Cause.FLEET_RATE, c.successes() + " successful pings " + window
          + ", expected at least " + rule.minPings() + " (all workers together)", c.to()));
    } else if (rule.maxFailureRatio().isPresent() && c.failures() > 0) {
      double ratio = (double) c.failures() / (c.successes() + c.failures());
      if (ratio > rule.maxFailureRatio().get()) {
        problem = Optional.of(new HeartbeatProblem(Cause.FLEET_FAILURES, percent(ratio) + " of "
            + (c.successes() + c.failures()) + " completions failed " + window + ", above "
            + percent(rule.maxFailureRatio().get())
            + (facts.lastFailReason().isBlank() ? "" : "; last failure: " + facts.lastFailReason()), c.to()));
      }
    }
    return new HeartbeatStatus(problem.isPresent() ? "down" : "up", Optional.empty(), Optional.empty(), problem, false);
  }

  private static String percent(double ratio) {
    double percent = ratio * 100;
    return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.format("%.1f", percent)) + "%";
  }

  @SafeVarargs
  private static Optional<Instant> latest(Optional<Instant>... times) {
    return Stream.of(times).flatMap(Optional::stream).max(Comparator.naturalOrder());
  }

  /** The fleet window judged at {@code knownUntil}: {@code (knownUntil - window, knownUntil]}. */
  public static Instant fleetWindowStart(FleetRule rule, Instant knownUntil) {
    return knownUntil.minus(rule.window());
  }
}
