package io.quorate.coordinator.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.heartbeat.HeartbeatProblem.Cause;
import io.quorate.coordinator.heartbeat.schedule.CronSchedule;
import io.quorate.coordinator.monitor.FleetRule;
import io.quorate.coordinator.monitor.HeartbeatSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every state a heartbeat can be in, and every way between them, decided from fixed facts and times. */
class HeartbeatEvaluatorTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final HeartbeatSpec FIVE_MIN = HeartbeatSpec.every(UUID.randomUUID(), Duration.ofMinutes(5),
      Duration.ofMinutes(1));
  /** Hourly, runs take up to 18 minutes: the run limit, not the schedule, catches a hung run. */
  private static final HeartbeatSpec WITH_RUN_LIMIT = new HeartbeatSpec(UUID.randomUUID(),
      HeartbeatSpec.every(UUID.randomUUID(), Duration.ofHours(1), Duration.ZERO).schedule(),
      Optional.empty(), Duration.ofMinutes(2), Optional.of(Duration.ofMinutes(18)), List.of(), Optional.empty(),
      Optional.empty());

  private static HeartbeatStatus at(HeartbeatSpec spec, Facts facts, Instant now) {
    return HeartbeatEvaluator.evaluate(spec, facts.build(), now, now);
  }

  private static Instant plus(Duration d) {
    return T0.plus(d);
  }

  @Test
  void neverPingedIsNewHoweverLongAgoItWasCreated() {
    HeartbeatStatus status = at(FIVE_MIN, Facts.createdAt(T0), plus(Duration.ofDays(3)));
    assertEquals("new", status.state());
    assertFalse(status.down());
  }

  @Test
  void upUntilDueThenLateWithinGraceThenDownWithTheMissedDeadline() {
    Facts pinged = Facts.createdAt(T0).success(T0, "eu-west");
    HeartbeatStatus up = at(FIVE_MIN, pinged, plus(Duration.ofMinutes(4)));
    assertEquals("up", up.state());
    assertEquals(Optional.of(plus(Duration.ofMinutes(5))), up.nextDueAt());
    assertEquals(Optional.of(plus(Duration.ofMinutes(6))), up.deadlineAt());

    assertEquals("late", at(FIVE_MIN, pinged, plus(Duration.ofMinutes(5))).state());
    assertEquals("late", at(FIVE_MIN, pinged, plus(Duration.ofSeconds(359))).state());

    HeartbeatStatus down = at(FIVE_MIN, pinged, plus(Duration.ofMinutes(6)));
    assertEquals("down", down.state());
    HeartbeatProblem problem = down.problem().orElseThrow();
    assertEquals(Cause.MISSED, problem.cause());
    assertEquals(plus(Duration.ofMinutes(6)), problem.since());
    assertEquals("no ping since 2026-11-24 10:00:00 UTC (eu-west); expected by 2026-11-24 10:05:00 UTC (every 5m) + grace 1m",
        problem.reason());
  }

  @Test
  void aNewPingMovesTheDeadlineSoTheMonitorIsUpAgain() {
    Facts pingedAgain = Facts.createdAt(T0).success(plus(Duration.ofMinutes(7)), "us-east");
    HeartbeatStatus status = at(FIVE_MIN, pingedAgain, plus(Duration.ofMinutes(8)));
    assertEquals("up", status.state());
    assertEquals(Optional.of(plus(Duration.ofMinutes(13))), status.deadlineAt());
  }

  @Test
  void pastTheDeadlineButRegionsBehindIsLateAndWaitingNotDown() {
    Facts pinged = Facts.createdAt(T0).success(T0, "eu-west");
    Instant now = plus(Duration.ofMinutes(7));
    HeartbeatStatus status = HeartbeatEvaluator.evaluate(FIVE_MIN, pinged.build(), plus(Duration.ofMinutes(5)), now);
    assertEquals("late", status.state());
    assertTrue(status.waitingForRegions());
    assertFalse(status.down());
    HeartbeatStatus known = HeartbeatEvaluator.evaluate(FIVE_MIN, pinged.build(), plus(Duration.ofMinutes(6)), now);
    assertTrue(known.down());
    assertFalse(known.waitingForRegions());
  }

  @Test
  void aFailPingIsDownAtOnceWithItsReasonUntilTheNextSuccess() {
    Facts failed = Facts.createdAt(T0).success(T0, "eu-west").fail(plus(Duration.ofMinutes(1)), "exit status 2: disk full");
    HeartbeatStatus down = at(FIVE_MIN, failed, plus(Duration.ofMinutes(1)));
    assertEquals("down", down.state());
    assertEquals(Cause.FAIL, down.problem().orElseThrow().cause());
    assertEquals("failure reported 2026-11-24 10:01:00 UTC: exit status 2: disk full", down.problem().get().reason());

    Facts recovered = failed.success(plus(Duration.ofMinutes(2)), "eu-west");
    assertEquals("up", at(FIVE_MIN, recovered, plus(Duration.ofMinutes(2))).state());
  }

  @Test
  void pausedShowsPausedAndDecidesNothing() {
    Facts pausedLongAgo = Facts.createdAt(T0).success(T0, "eu-west").fail(plus(Duration.ofMinutes(1)), "boom").paused();
    HeartbeatStatus status = at(FIVE_MIN, pausedLongAgo, plus(Duration.ofDays(1)));
    assertEquals("paused", status.state());
    assertFalse(status.down());
  }

  @Test
  void resumingReArmsTheDeadlineFromTheResume() {
    Instant resumed = plus(Duration.ofHours(2));
    Facts facts = Facts.createdAt(T0).success(T0, "eu-west").armedAt(resumed);
    HeartbeatStatus status = at(FIVE_MIN, facts, resumed.plus(Duration.ofMinutes(1)));
    assertEquals("up", status.state());
    assertEquals(Optional.of(resumed.plus(Duration.ofMinutes(6))), status.deadlineAt());
    HeartbeatStatus later = at(FIVE_MIN, facts, resumed.plus(Duration.ofMinutes(6)));
    assertEquals("no ping since monitoring resumed 2026-11-24 12:00:00 UTC; expected by 2026-11-24 12:05:00 UTC"
        + " (every 5m) + grace 1m", later.problem().orElseThrow().reason());
  }

  @Test
  void aSnoozeIsPausedUntilItEndsAndThenDeadlinesCountFromItsEnd() {
    Instant snoozeEnd = plus(Duration.ofMinutes(30));
    Facts facts = Facts.createdAt(T0).success(T0, "eu-west").snoozedUntil(snoozeEnd);
    assertEquals("paused", at(FIVE_MIN, facts, plus(Duration.ofMinutes(29))).state());
    // The last ping was 30 minutes ago, but the snooze just ended: the monitor is not down because of that.
    HeartbeatStatus justEnded = at(FIVE_MIN, facts, snoozeEnd);
    assertEquals("up", justEnded.state());
    assertEquals(Optional.of(snoozeEnd.plus(Duration.ofMinutes(6))), justEnded.deadlineAt());
    assertTrue(at(FIVE_MIN, facts, snoozeEnd.plus(Duration.ofMinutes(6))).down());
  }

  @Test
  void aFailureFromBeforeTheSnoozeEndedDoesNotReopenAfterIt() {
    Instant snoozeEnd = plus(Duration.ofMinutes(30));
    Facts facts = Facts.createdAt(T0).success(T0, "eu-west").fail(plus(Duration.ofMinutes(10)), "deploy in progress")
        .snoozedUntil(snoozeEnd);
    assertEquals("up", at(FIVE_MIN, facts, snoozeEnd.plus(Duration.ofMinutes(1))).state());
  }

  @Test
  void aStartedRunIsRunningUntilMaxRunTimePlusGraceThenAZombie() {
    Facts facts = Facts.createdAt(T0).success(T0, "eu-west").run("job-7", plus(Duration.ofMinutes(2)));
    assertEquals("running", at(WITH_RUN_LIMIT, facts, plus(Duration.ofMinutes(21))).state());
    HeartbeatStatus zombie = at(WITH_RUN_LIMIT, facts, plus(Duration.ofMinutes(22)));
    assertEquals("down", zombie.state());
    assertEquals(Cause.ZOMBIE, zombie.problem().orElseThrow().cause());
    assertEquals("started 2026-11-24 10:02:00 UTC (rid job-7) in eu-west, no completion after 20m"
        + " (max run time 18m + grace 2m)", zombie.problem().get().reason());
  }

  @Test
  void aZombieIsOnlyDeclaredOnceTheRegionsHaveDeliveredPastItsDeadline() {
    Facts facts = Facts.createdAt(T0).success(T0, "eu-west").run("", plus(Duration.ofMinutes(2)));
    Instant now = plus(Duration.ofMinutes(25));
    HeartbeatStatus status = HeartbeatEvaluator.evaluate(WITH_RUN_LIMIT, facts.build(), plus(Duration.ofMinutes(21)), now);
    assertFalse(status.problem().filter(p -> p.cause() == Cause.ZOMBIE).isPresent());
  }

  @Test
  void aFailOutranksAMissedDeadlineInTheReason() {
    Facts facts = Facts.createdAt(T0).success(T0, "eu-west").fail(plus(Duration.ofMinutes(1)), "boom");
    assertEquals(Cause.FAIL, at(FIVE_MIN, facts, plus(Duration.ofHours(1))).problem().orElseThrow().cause());
  }

  @Test
  void aCronDeadlineFollowsTheZonesClockAcrossASpringChange() {
    HeartbeatSpec berlin = new HeartbeatSpec(UUID.randomUUID(), Optional.of(CronSchedule.parse("30 2 * * *", "Europe/Berlin")),
        Optional.empty(), Duration.ofMinutes(10), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    // Saturday 02:30 CET ran; on Sunday 2026-03-29 02:30 does not exist in Berlin: cron runs it at 03:00 CEST.
    Facts ran = Facts.createdAt(T0.minus(Duration.ofDays(300))).success(Instant.parse("2026-03-28T01:30:05Z"), "eu-west");
    HeartbeatStatus status = at(berlin, ran, Instant.parse("2026-03-29T00:59:00Z"));
    assertEquals("up", status.state());
    assertEquals(Optional.of(Instant.parse("2026-03-29T01:00:00Z")), status.nextDueAt());
    assertEquals("late", at(berlin, ran, Instant.parse("2026-03-29T01:05:00Z")).state());
    assertTrue(at(berlin, ran, Instant.parse("2026-03-29T01:10:00Z")).down());
  }

  private static HeartbeatSpec fleet(long minPings, Optional<Double> maxFailureRatio) {
    return new HeartbeatSpec(UUID.randomUUID(), Optional.empty(),
        Optional.of(new FleetRule(Duration.ofMinutes(5), minPings, maxFailureRatio)), Duration.ZERO, Optional.empty(),
        List.of(), Optional.empty(), Optional.empty());
  }

  @Test
  void aFleetIsUpWithEnoughSuccessesInTheWindowAndDownWithTooFew() {
    HeartbeatSpec spec = fleet(100, Optional.empty());
    Instant now = plus(Duration.ofHours(1));
    Instant from = now.minus(Duration.ofMinutes(5));
    assertEquals("up", at(spec, Facts.createdAt(T0).fleet(from, now, 140, 3), now).state());
    HeartbeatStatus stalled = at(spec, Facts.createdAt(T0).fleet(from, now, 12, 0), now);
    assertEquals(Cause.FLEET_RATE, stalled.problem().orElseThrow().cause());
    assertEquals("12 successful pings in the 5m up to 2026-11-24 11:00:00 UTC, expected at least 100 (all workers together)",
        stalled.problem().get().reason());
  }

  @Test
  void aFleetAboveItsFailureRatioIsDownWithTheRatioAndLastFailure() {
    HeartbeatSpec spec = fleet(10, Optional.of(0.05));
    Instant now = plus(Duration.ofHours(1));
    Instant from = now.minus(Duration.ofMinutes(5));
    assertEquals("up", at(spec, Facts.createdAt(T0).fleet(from, now, 95, 5), now).state());
    HeartbeatStatus failing = at(spec, Facts.createdAt(T0).fail(now, "SMTP 421").fleet(from, now, 90, 10), now);
    assertEquals(Cause.FLEET_FAILURES, failing.problem().orElseThrow().cause());
    assertEquals("10% of 100 completions failed in the 5m up to 2026-11-24 11:00:00 UTC, above 5%; last failure: SMTP 421",
        failing.problem().get().reason());
  }

  @Test
  void aFleetIsNotJudgedOnAWindowThatStartedBeforeItWasCreatedOrResumed() {
    HeartbeatSpec spec = fleet(100, Optional.empty());
    Instant now = plus(Duration.ofMinutes(3));
    assertEquals("up", at(spec, Facts.createdAt(T0).fleet(now.minus(Duration.ofMinutes(5)), now, 1, 0), now).state());
    Instant resumed = plus(Duration.ofHours(1));
    Instant later = resumed.plus(Duration.ofMinutes(2));
    assertFalse(at(spec, Facts.createdAt(T0).armedAt(resumed).fleet(later.minus(Duration.ofMinutes(5)), later, 0, 0), later)
        .down());
  }

  @Test
  void aSingleFailPingDoesNotDownAFleet() {
    HeartbeatSpec spec = fleet(10, Optional.empty());
    Instant now = plus(Duration.ofHours(1));
    assertEquals("up", at(spec, Facts.createdAt(T0).fail(now, "one bad job").fleet(now.minus(Duration.ofMinutes(5)), now,
        50, 1), now).state());
  }
}
