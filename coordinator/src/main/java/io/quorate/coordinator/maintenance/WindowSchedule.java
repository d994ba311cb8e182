package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.heartbeat.schedule.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a maintenance window is on: once, or at every firing of a cron expression in a time zone for a fixed
 * length of time. Recurring windows start when a crontab on that zone would run (daylight saving as in
 * {@link CronSchedule}: a start in the skipped hour moves to the jump, a start in the repeated hour counts once)
 * and last {@code duration} of real time, so "Sundays 02:00 for 2h" is two hours long on every Sunday.
 */
public sealed interface WindowSchedule {
  /** How many later occurrences are merged into the one running now; bounds the walk for tiny periods. */
  int MAX_MERGED = 1_000;

  /** @return when the occurrence that covers {@code now} ends (start inclusive, end exclusive); empty if none */
  Optional<Instant> activeUntil(Instant now);

  /** The next {@code count} occurrences that start after {@code now}. */
  List<Occurrence> upcoming(Instant now, int count);

  /** The zone that times are shown in. */
  ZoneId zone();

  record Occurrence(Instant start, Instant end) {}

  record OneOff(Instant start, Instant end, ZoneId zone) implements WindowSchedule {
    public OneOff {
      Objects.requireNonNull(zone, "zone");
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("a window ends after it starts");
      }
    }

    @Override
    public Optional<Instant> activeUntil(Instant now) {
      return !now.isBefore(start) && now.isBefore(end) ? Optional.of(end) : Optional.empty();
    }

    @Override
    public List<Occurrence> upcoming(Instant now, int count) {
      return start.isAfter(now) && count > 0 ? List.of(new Occurrence(start, end)) : List.of();
    }
  }

  record Recurring(CronSchedule cron, Duration duration) implements WindowSchedule {
    public Recurring {
      Objects.requireNonNull(cron, "cron");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("a window lasts a while");
      }
    }

    /** Occurrences that overlap or touch the running one extend it: the hold does not blink between them. */
    @Override
    public Optional<Instant> activeUntil(Instant now) {
      Optional<Instant> started = cron.previousExpectedAtOrBefore(now);
      if (started.isEmpty() || !started.get().plus(duration).isAfter(now)) {
        return Optional.empty();
      }
      Instant end = started.get().plus(duration);
      Instant next = cron.nextExpectedAfter(started.get());
      for (int i = 0; i < MAX_MERGED && !next.isAfter(end); i++) {
        end = later(end, next.plus(duration));
        next = cron.nextExpectedAfter(next);
      }
      return Optional.of(end);
    }

    @Override
    public List<Occurrence> upcoming(Instant now, int count) {
      List<Occurrence> occurrences = new ArrayList<>();
      Instant start = now;
      for (int i = 0; i < count; i++) {
        start = cron.nextExpectedAfter(start);
        occurrences.add(new Occurrence(start, start.plus(duration)));
      }
      return occurrences;
    }

    @Override
    public ZoneId zone() {
      return cron.zone();
    }

    private static Instant later(Instant a, Instant b) {
      return a.isAfter(b) ? a : b;
    }
  }
}
