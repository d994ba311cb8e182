package io.quorate.coordinator.heartbeat.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * When a heartbeat expects its pings. Pure functions of time: no clock, so callers pass the instants they judge.
 * Grace is not part of a schedule; the evaluator adds it to the expected time.
 */
public sealed interface Schedule permits EverySchedule, CronSchedule {

  /** The first time a ping is expected strictly after {@code t}. */
  Instant nextExpectedAfter(Instant t);

  /** The latest time a ping was expected at or before {@code t}; empty if the schedule never expected one. */
  Optional<Instant> previousExpectedAtOrBefore(Instant t);

  /** The schedule in words for people, e.g. {@code every 5m} or {@code cron 0 3 * * * (Europe/Berlin)}. */
  String describe();
}
