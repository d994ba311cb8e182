package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesTest {
  private static final String PLACEHOLDERS =
      "(use one of [STATUS], [RESPONSE_TIME], [BODY], [HEADER], [METRIC], [CERTIFICATE_EXPIRATION])";
  private static final String BODY = """
      {"enqueued": 5234, "status": "ok", "nothing": null, "rate": "3.5%", "age": "4m30s", "jobs": [1, 2],
       "depth_text": "17"}
      """;

  @ParameterizedTest(name = "{0} = {1}  →  {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      Depth         | [BODY].x          | a series name is a lowercase letter, then up to 39 lowercase letters, digits or _
      1depth        | [BODY].x          | a series name is a lowercase letter, then up to 39 lowercase letters, digits or _
      queue-depth   | [BODY].x          | a series name is a lowercase letter, then up to 39 lowercase letters, digits or _
      ''            | [BODY].x          | a series name is a lowercase letter, then up to 39 lowercase letters, digits or _
      a2345678901234567890123456789012345678901 | [BODY].x | a series name is a lowercase letter, then up to 39 lowercase letters, digits or _
      depth         | ''                | is empty; give a value such as [BODY].enqueued or len([BODY].jobs)
      depth         | '   '             | is empty; give a value such as [BODY].enqueued or len([BODY].jobs)
      depth         | [BODY].x < 5      | [BODY].x < 5 is a condition; a series is only the value, such as [BODY].enqueued
      depth         | [FOO]             | unknown placeholder [FOO] PLACEHOLDERS
      depth         | [BODY].a[         | missing "]"
      depth         | 5                 | 5 is a constant; use a placeholder such as [BODY].enqueued or len([BODY].jobs)
      depth         | 5m                | 5m is a constant; use a placeholder such as [BODY].enqueued or len([BODY].jobs)
      depth         | ok                | ok is a constant; use a placeholder such as [BODY].enqueued or len([BODY].jobs)
      depth         | pat(a*)           | pat(a*) is a constant; use a placeholder such as [BODY].enqueued or len([BODY].jobs)
      depth         | any(1, 2)         | any(1, 2) is a constant; use a placeholder such as [BODY].enqueued or len([BODY].jobs)
      depth         | has([BODY].x)     | has([BODY].x) is true or false, not a number; use a placeholder or len()
      depth         | len([STATUS])     | len() takes [BODY], a [BODY] path or [HEADER].Name, not [STATUS]
      depth         | [METRIC].x{q=a}   | bad label syntax in [METRIC].x{q=a}: the value of q must be in double quotes, e.g. q="critical"
      """)
  void refusesInvalidSeriesNamingTheSeries(String name, String expression, String problem) {
    String expected = problem.replace("PLACEHOLDERS", PLACEHOLDERS);
    ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class,
        () -> Series.parse(Map.of("ok", "[STATUS]", name, expression)));
    assertEquals("series \"" + name + "\": " + expected, e.getMessage());
    assertEquals(expected, e.problem());
    assertEquals(name, e.series().orElseThrow());
    assertEquals(expression.strip(), e.condition());
  }

  @Test
  void acceptsANameOfFortyCharacters() {
    String name = "a" + "_".repeat(38) + "z";
    assertEquals(Map.of(name, 200.0), Series.parse(Map.of(name, "[STATUS]")).measure(CheckResponse.of(200, 1, "")));
  }

  @Test
  void measuresEveryNumericSeriesAndLeavesOutTheRest() {
    Map<String, String> expressions = new LinkedHashMap<>();
    expressions.put("depth", "[BODY].enqueued");
    expressions.put("depth_text", " [BODY].depth_text ");
    expressions.put("error_rate", "[BODY].rate");
    expressions.put("oldest_job_age", "[BODY].age");
    expressions.put("jobs", "len([BODY].jobs)");
    expressions.put("header_depth", "[HEADER].x-depth");
    expressions.put("status", "[STATUS]");
    expressions.put("latency", "[RESPONSE_TIME]");
    expressions.put("text", "[BODY].status");
    expressions.put("missing", "[BODY].missing");
    expressions.put("nothing", "[BODY].nothing");
    expressions.put("cert", "[CERTIFICATE_EXPIRATION]");
    expressions.put("metric", "[METRIC].queue_depth");
    Series series = Series.parse(expressions);
    CheckResponse response = new CheckResponse(200, 41, BODY, Map.of("X-Depth", List.of("9")));
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("depth", 5234.0);
    expected.put("depth_text", 17.0);
    expected.put("error_rate", 0.035);
    expected.put("oldest_job_age", 270.0);
    expected.put("jobs", 2.0);
    expected.put("header_depth", 9.0);
    expected.put("status", 200.0);
    expected.put("latency", 41.0);
    assertEquals(expected, series.measure(response));
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(series.measure(response).keySet()));
    assertEquals(86400.0, series.measure(response.withCertificateExpiresInMs(86_400_000)).get("cert"));
  }

  @Test
  void measuresMetricsAndLeavesOutNaN() {
    Series series = Series.parse(Map.of("depth", "[METRIC].queue_depth{queue=\"default\"}",
        "oldest_job_age", "[METRIC].queue_latency", "retries", "[METRIC].retries"));
    String body = "queue_depth{queue=\"default\"} 12\nqueue_depth{queue=\"low\"} 1\nqueue_latency NaN\n";
    assertEquals(Map.of("depth", 12.0), series.measure(CheckResponse.of(200, 1, body)));
    assertEquals(Map.of(), series.measure(CheckResponse.of(200, 1, "{\"queue_depth\": 12}")));
  }

  @Test
  void keepsTheExpressionsInOrderStripped() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("retries", " [BODY].sidekiq.retries");
    given.put("depth", "[BODY].sidekiq.enqueued ");
    Series series = Series.parse(given);
    assertEquals(List.of("retries", "depth"), List.copyOf(series.expressions().keySet()));
    assertEquals("[BODY].sidekiq.enqueued", series.expressions().get("depth"));
    assertEquals(Series.parse(Map.of("depth", "[BODY].sidekiq.enqueued", "retries", "[BODY].sidekiq.retries")),
        series);
    assertThrows(UnsupportedOperationException.class, () -> series.expressions().put("x", "[STATUS]"));
  }

  @Test
  void noSeriesMeasureNothing() {
    assertSame(Series.EMPTY, Series.parse(Map.of()));
    assertSame(Series.EMPTY, Series.parse(null));
    assertEquals(Map.of(), Series.EMPTY.expressions());
    assertEquals(Map.of(), Series.EMPTY.measure(CheckResponse.of(200, 1, BODY)));
  }
}
