package io.quorate.coordinator.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Uptime from downtimes: for each UTC day, the share of the time the component existed that day (up to now
 * for today) not covered by a downtime. Pure, so its arithmetic is tested without a database.
 */
public final class Uptime {
  public static final int DAYS = 90;

  private final List<UptimeDay> days;
  private final OptionalDouble overall;

  private Uptime(List<UptimeDay> days, OptionalDouble overall) {
    this.days = List.copyOf(days);
    this.overall = overall;
  }

  /** The first instant the bars cover: midnight UTC {@link #DAYS} - 1 days before today. */
  public static Instant windowStart(Instant now) {
    return today(now).minusDays(DAYS - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * @param createdAt when the component's monitor was created: earlier days have no data
   * @param downtimes its incidents, in any order, possibly overlapping
   */
  public static Uptime compute(Instant createdAt, List<Downtime> downtimes, Instant now) {
    List<Downtime> merged = merge(downtimes);
    List<UptimeDay> days = new ArrayList<>();
    long observedMillis = 0;
    long downMillis = 0;
    for (LocalDate day = today(now).minusDays(DAYS - 1L); !day.isAfter(today(now)); day = day.plusDays(1)) {
      Instant start = latest(day.atStartOfDay(ZoneOffset.UTC).toInstant(), createdAt);
      Instant end = earliest(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
      if (!end.isAfter(start)) {
        days.add(new UptimeDay(day, OptionalDouble.empty()));
        continue;
      }
      long observed = Duration.between(start, end).toMillis();
      long down = covered(merged, start, end);
      observedMillis += observed;
      downMillis += down;
      days.add(new UptimeDay(day, OptionalDouble.of(percentUp(observed, down))));
    }
    return new Uptime(days, observedMillis == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(percentUp(observedMillis, downMillis)));
  }

  public List<UptimeDay> days() {
    return days;
  }

  /** Over all {@link #DAYS} days; empty when the component has no data yet. */
  public OptionalDouble overall() {
    return overall;
  }

  /** "99.86%" */
  public static String format(double percent) {
    return String.format(Locale.ROOT, "%.2f%%", percent);
  }

  /** Floored, not rounded: 59 seconds down in a day is 99.93%, never 100.00%. */
  private static double percentUp(long observed, long down) {
    return Math.floor((observed - down) * 10_000.0 / observed) / 100.0;
  }

  private static long covered(List<Downtime> merged, Instant start, Instant end) {
    long millis = 0;
    for (Downtime downtime : merged) {
      Instant from = latest(downtime.from(), start);
      Instant to = earliest(downtime.to(), end);
      if (to.isAfter(from)) {
        millis += Duration.between(from, to).toMillis();
      }
    }
    return millis;
  }

  /** Overlapping downtimes count once. */
  private static List<Downtime> merge(List<Downtime> downtimes) {
    List<Downtime> sorted = downtimes.stream().sorted(Comparator.comparing(Downtime::from)).toList();
    List<Downtime> merged = new ArrayList<>();
    for (Downtime next : sorted) {
      Downtime last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !next.from().isAfter(last.to())) {
        merged.set(merged.size() - 1, new Downtime(last.from(), latest(last.to(), next.to())));
      } else {
        merged.add(next);
      }
    }
    return merged;
  }

  private static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
