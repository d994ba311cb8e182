package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.condition.ConditionResult.Failure;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decimals, negatives, exponents, durations and percentages, in bodies and in conditions. */
class QuantitiesTest {
  private static final String BODY = """
      {"oldest_age": 270, "oldest_age_text": "4m30s", "ttl": "1h30m", "half_day": "0.5d", "poll": "250ms",
       "p99": 0.734, "decimal_text": "12.75", "backlog": -2, "big": 1.5e6, "tiny": 2.5e-4, "sqs": "12",
       "error_rate": "3.5%", "error_ratio": 0.035, "error_rate_points": 3.5, "version": "1.2.3", "unit": "5 min"}
      """;

  @ParameterizedTest(name = "{0}  →  {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      # decimals are never truncated, in JSON numbers or in strings
      [BODY].p99 < 0.75               | true  | NONE          | [BODY].p99 (0.734) < 0.75 — passed
      [BODY].p99 > 0.7341             | false | BREACHED      | [BODY].p99 (0.734) > 0.7341 — failed
      [BODY].p99 == 0.734             | true  | NONE          | [BODY].p99 (0.734) == 0.734 — passed
      [BODY].decimal_text > 12.5      | true  | NONE          | [BODY].decimal_text (12.75) > 12.5 — passed
      [BODY].decimal_text < 12.7      | false | BREACHED      | [BODY].decimal_text (12.75) < 12.7 — failed
      [BODY].sqs < 100                | true  | NONE          | [BODY].sqs (12) < 100 — passed
      [BODY].sqs == 12.0              | true  | NONE          | [BODY].sqs (12) == 12.0 — passed
      # negatives and exponents
      [BODY].backlog < 0              | true  | NONE          | [BODY].backlog (-2) < 0 — passed
      [BODY].backlog >= -2            | true  | NONE          | [BODY].backlog (-2) >= -2 — passed
      [BODY].backlog > -1.5           | false | BREACHED      | [BODY].backlog (-2) > -1.5 — failed
      [BODY].big == 1500000           | true  | NONE          | [BODY].big (1500000) == 1500000 — passed
      [BODY].big > 1e6                | true  | NONE          | [BODY].big (1500000) > 1e6 — passed
      [BODY].big <= 1.5E+6            | true  | NONE          | [BODY].big (1500000) <= 1.5E+6 — passed
      [BODY].tiny < 1e-3              | true  | NONE          | [BODY].tiny (0.00025) < 1e-3 — passed
      # durations are seconds, except facing [RESPONSE_TIME]
      [BODY].oldest_age < 5m          | true  | NONE          | [BODY].oldest_age (270) < 5m — passed
      [BODY].oldest_age < 4m          | false | BREACHED      | [BODY].oldest_age (270) < 4m — failed
      [BODY].oldest_age == 4m30s      | true  | NONE          | [BODY].oldest_age (270) == 4m30s — passed
      [BODY].oldest_age < 2d          | true  | NONE          | [BODY].oldest_age (270) < 2d — passed
      [BODY].oldest_age > 250ms       | true  | NONE          | [BODY].oldest_age (270) > 250ms — passed
      [BODY].oldest_age == any(4m, 4m30s) | true | NONE       | [BODY].oldest_age (270) == any(4m, 4m30s) — passed
      # a field holding a duration reads as seconds
      [BODY].oldest_age_text < 5m     | true  | NONE          | [BODY].oldest_age_text (4m30s) < 5m — passed
      [BODY].oldest_age_text > 4m29s  | true  | NONE          | [BODY].oldest_age_text (4m30s) > 4m29s — passed
      [BODY].oldest_age_text == 270   | true  | NONE          | [BODY].oldest_age_text (4m30s) == 270 — passed
      [BODY].ttl == 90m               | true  | NONE          | [BODY].ttl (1h30m) == 90m — passed
      [BODY].ttl < 1.5h               | false | BREACHED      | [BODY].ttl (1h30m) < 1.5h — failed
      [BODY].half_day == 12h          | true  | NONE          | [BODY].half_day (0.5d) == 12h — passed
      [BODY].poll == 0.25             | true  | NONE          | [BODY].poll (250ms) == 0.25 — passed
      [BODY].oldest_age_text == [BODY].oldest_age | true | NONE | [BODY].oldest_age_text (4m30s) == [BODY].oldest_age (270) — passed
      # percentages: 5% is 0.05, and so is a field holding "5%"
      [BODY].error_rate < 5%          | true  | NONE          | [BODY].error_rate (3.5%) < 5% — passed
      [BODY].error_rate < 3%          | false | BREACHED      | [BODY].error_rate (3.5%) < 3% — failed
      [BODY].error_rate == 3.5%       | true  | NONE          | [BODY].error_rate (3.5%) == 3.5% — passed
      [BODY].error_rate == 0.035      | true  | NONE          | [BODY].error_rate (3.5%) == 0.035 — passed
      [BODY].error_ratio < 5%         | true  | NONE          | [BODY].error_ratio (0.035) < 5% — passed
      [BODY].error_rate_points < 5    | true  | NONE          | [BODY].error_rate_points (3.5) < 5 — passed
      [BODY].error_rate_points < 5%   | false | BREACHED      | [BODY].error_rate_points (3.5) < 5% — failed
      # text that is not a quantity fails closed where a number is needed
      [BODY].version < 2              | false | TYPE_MISMATCH | [BODY].version: "1.2.3" is not a number
      [BODY].unit < 10m               | false | TYPE_MISMATCH | [BODY].unit: "5 min" is not a number
      [BODY].version == 1.2.3         | true  | NONE          | [BODY].version (1.2.3) == 1.2.3 — passed
      """)
  void readsQuantities(String condition, boolean success, Failure failure, String line) {
    ConditionResult result = Condition.parse(condition).evaluate(CheckResponse.of(200, 1200, BODY));
    assertEquals(line, result.line());
    assertEquals(success, result.success(), line);
    assertEquals(failure, result.failure(), line);
  }

  @ParameterizedTest(name = "{0}  →  {2}")
  @CsvSource(delimiter = '|', textBlock = """
      [RESPONSE_TIME] < 1s              | false | [RESPONSE_TIME] (1200) < 1s — failed
      [RESPONSE_TIME] < 1.5s            | true  | [RESPONSE_TIME] (1200) < 1.5s — passed
      [RESPONSE_TIME] <= 1200ms         | true  | [RESPONSE_TIME] (1200) <= 1200ms — passed
      [RESPONSE_TIME] < 2000            | true  | [RESPONSE_TIME] (1200) < 2000 — passed
      [RESPONSE_TIME] > 1m              | false | [RESPONSE_TIME] (1200) > 1m — failed
      1s < [RESPONSE_TIME]              | true  | 1s < [RESPONSE_TIME] (1200) — passed
      [RESPONSE_TIME] == any(1200ms, 5s) | true | [RESPONSE_TIME] (1200) == any(1200ms, 5s) — passed
      """)
  void comparesResponseTimeInMilliseconds(String condition, boolean success, String line) {
    ConditionResult result = Condition.parse(condition).evaluate(CheckResponse.of(200, 1200, BODY));
    assertEquals(line, result.line());
    assertEquals(success, result.success(), line);
  }

  @ParameterizedTest(name = "{0}  →  {1}={2}")
  @CsvSource(delimiter = '|', textBlock = """
      [BODY].oldest_age_text < 5m     | [BODY].oldest_age_text | 270
      [BODY].error_rate < 5%          | [BODY].error_rate      | 0.035
      [BODY].decimal_text > 1         | [BODY].decimal_text    | 12.75
      [BODY].tiny > 0                 | [BODY].tiny            | 0.00025
      [RESPONSE_TIME] < 1s            | [RESPONSE_TIME]        | 1200
      """)
  void recordsQuantitiesAsPlainNumbers(String condition, String key, double value) {
    assertEquals(Map.of(key, value), Condition.parse(condition).evaluate(CheckResponse.of(200, 1200, BODY)).values());
  }
}
