package io.quorate.coordinator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"500ms,500", "30s,30000", "5m,300000", "1h,3600000", "1h30m,5400000", "2d,172800000", "1m500ms,60500"})
  void parsesWhatPeopleWrite(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    assertEquals(text, Durations.format(Duration.ofMillis(millis)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "s", "30 s", "-5s", "1.5s", "5x", "5m30", "abc"})
  void refusesAnythingElseWithTheAcceptedForms(String text) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertTrue(error.getMessage().contains("such as 500ms, 30s, 5m"), error.getMessage());
  }
}
