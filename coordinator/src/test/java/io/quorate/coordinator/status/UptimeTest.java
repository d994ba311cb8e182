package io.quorate.coordinator.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Daily uptime from downtimes: the arithmetic behind the status page's bars. */
class UptimeTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  /** Each row: the monitor's creation, downtimes as from..to pairs, the day asked about, its percent up (or -). */
  @ParameterizedTest(name = "{2}: {3} with downtimes {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-01-01T00:00:00Z | 2026-11-21T06:00:00Z..2026-11-21T12:00:00Z                                           | 2026-11-21 | 75.00
      2026-01-01T00:00:00Z | 2026-11-20T18:00:00Z..2026-11-21T06:00:00Z                                           | 2026-11-20 | 75.00
      2026-01-01T00:00:00Z | 2026-11-20T18:00:00Z..2026-11-21T06:00:00Z                                           | 2026-11-21 | 75.00
      2026-01-01T00:00:00Z | 2026-11-21T06:00:00Z..2026-11-21T12:00:00Z,2026-11-21T09:00:00Z..2026-11-21T15:00:00Z | 2026-11-21 | 62.50
      2026-01-01T00:00:00Z | 2026-11-23T06:00:00Z..2026-11-23T12:00:00Z                                           | 2026-11-23 | 50.00
      2026-01-01T00:00:00Z | 2026-11-21T00:00:00Z..2026-11-21T00:00:59Z                                           | 2026-11-21 | 99.93
      2026-11-20T12:00:00Z | 2026-11-20T18:00:00Z..2026-11-21T00:00:00Z                                           | 2026-11-20 | 50.00
      2026-11-20T12:00:00Z |                                                                                      | 2026-11-19 | -
      2026-11-23T12:00:00Z |                                                                                      | 2026-11-23 | -
      2026-01-01T00:00:00Z | 2026-08-01T00:00:00Z..2026-11-21T00:00:00Z                                           | 2026-08-26 | 0.00
      """)
  void computesTheShareOfEachUtcDayThatWasUp(String created, String downtimes, String day, String up) {
    Uptime uptime = Uptime.compute(Instant.parse(created), parse(downtimes), NOW);
    assertEquals(Uptime.DAYS, uptime.days().size());
    assertEquals(LocalDate.parse("2026-08-26"), uptime.days().get(0).date(), "90 days ending today");
    UptimeDay found = uptime.days().stream().filter(d -> d.date().equals(LocalDate.parse(day))).findFirst().orElseThrow();
    assertEquals(up.equals("-") ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(up)), found.upPercent());
  }

  @Test
  void overallUptimeCountsOnlyTheTimeTheMonitorExisted() {
    Uptime uptime = Uptime.compute(Instant.parse("2026-11-20T12:00:00Z"), List.of(
        new Downtime(Instant.parse("2026-11-21T06:00:00Z"), Instant.parse("2026-11-21T12:00:00Z")),
        new Downtime(Instant.parse("2026-11-23T06:00:00Z"), NOW)), NOW);
    assertEquals(OptionalDouble.of(83.33), uptime.overall(), "12 h down of 72 h");
    assertEquals("2026-11-21: 75.00% up", uptime.days().get(87).describe());
    assertEquals("2026-11-19: no data", uptime.days().get(85).describe());
  }

  @Test
  void aMonitorCreatedNowHasNoData() {
    assertTrue(Uptime.compute(NOW, List.of(), NOW).overall().isEmpty());
  }

  private static List<Downtime> parse(String text) {
    List<Downtime> downtimes = new ArrayList<>();
    if (text == null) {
      return downtimes;
    }
    for (String pair : text.split(",")) {
      String[] ends = pair.strip().split("\\.\\.");
      downtimes.add(new Downtime(Instant.parse(ends[0]), Instant.parse(ends[1])));
    }
    return downtimes;
  }
}
