package io.quorate.coordinator.heartbeat.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * Turns a {@link CronCalendar}'s local times into instants in a zone, the way Vixie cron and cronie run jobs when
 * the clocks change (cron(8), "Daylight Saving Time"). cron-utils' own handling is not used: it skips times in a
 * gap, and its next and previous executions disagree inside a repeated hour.
 * <ul>
 *   <li>Clocks go forward (a gap): a fixed-time job due in the skipped interval is expected at the jump itself
 *       (first instant after it, e.g. 03:00 local); other jobs just lose the skipped times.
 *   <li>Clocks go back (a repeated interval): a fixed-time job is expected only at the first occurrence of a
 *       local time; other jobs are expected at both.
 * </ul>
 * A fixed-time job is one whose minute and hour fields do not start with {@code *} (Vixie's MIN_STAR/HR_STAR).
 * Vixie treats jumps of three hours or more as a clock reset; here every offset change follows the rules above.
 * <p>The walk goes segment by segment between offset changes; within a segment local time and instants map one to
 * one, so next and previous describe the same set of instants by construction.
 */
final class ZonedFirings {
  // A calendar that fires at all fires within a few years; this bounds the walk over twice-yearly changes.
  private static final int MAX_SEGMENTS = 1_000;

  private ZonedFirings() {}

  static Instant next(CronCalendar calendar, ZoneRules rules, Instant t) {
    ZoneOffset offset = rules.getOffset(t);
    LocalDateTime from = LocalDateTime.ofInstant(t, offset);
    boolean inclusive = false;
    ZoneOffsetTransition started = rules.previousTransition(t.plusNanos(1));
    if (skipsRepeat(calendar, started) && from.isBefore(started.getDateTimeBefore())) {
      from = started.getDateTimeBefore();
      inclusive = true;
    }
    ZoneOffsetTransition end = rules.nextTransition(t);
    for (int i = 0; i < MAX_SEGMENTS; i++) {
      Optional<LocalDateTime> local = inclusive ? calendar.firstAtOrAfter(from) : calendar.firstAfter(from);
      if (local.isEmpty()) {
        break;
      }
      if (end == null || local.get().isBefore(end.getDateTimeBefore())) {
        return local.get().toInstant(offset);
      }
      if (firesInGap(calendar, end)) {
        return end.getInstant();
      }
      offset = end.getOffsetAfter();
      from = segmentStart(calendar, end);
      inclusive = true;
      end = rules.nextTransition(end.getInstant());
    }
    throw new IllegalStateException("cron schedule has no firing after " + t);
  }

  static Optional<Instant> previous(CronCalendar calendar, ZoneRules rules, Instant t) {
    ZoneOffset offset = rules.getOffset(t);
    LocalDateTime upTo = LocalDateTime.ofInstant(t, offset);
    boolean inclusive = true;
    ZoneOffsetTransition start = rules.previousTransition(t.plusNanos(1));
    for (int i = 0; i < MAX_SEGMENTS; i++) {
      Optional<LocalDateTime> local = inclusive ? calendar.lastAtOrBefore(upTo) : calendar.lastBefore(upTo);
      if (local.isEmpty()) {
        return Optional.empty();
      }
      if (start == null || !local.get().isBefore(segmentStart(calendar, start))) {
        return Optional.of(local.get().toInstant(offset));
      }
      if (firesInGap(calendar, start)) {
        return Optional.of(start.getInstant());
      }
      offset = start.getOffsetBefore();
      upTo = start.getDateTimeBefore();
      inclusive = false;
      start = rules.previousTransition(start.getInstant());
    }
    return Optional.empty();
  }

  /** The first local time of the segment that begins at {@code change} that counts as an expected time. */
  private static LocalDateTime segmentStart(CronCalendar calendar, ZoneOffsetTransition change) {
    return skipsRepeat(calendar, change) ? change.getDateTimeBefore() : change.getDateTimeAfter();
  }

  private static boolean skipsRepeat(CronCalendar calendar, ZoneOffsetTransition change) {
    return change != null && change.isOverlap() && calendar.fixedTime();
  }

  private static boolean firesInGap(CronCalendar calendar, ZoneOffsetTransition change) {
    return change.isGap() && calendar.fixedTime() && calendar.firstAtOrAfter(change.getDateTimeBefore())
        .filter(local -> local.isBefore(change.getDateTimeAfter())).isPresent();
  }
}
