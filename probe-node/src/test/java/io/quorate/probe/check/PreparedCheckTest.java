package io.quorate.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.HttpCheck;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreparedCheckTest {

  private static HttpCheck.Builder check(String... conditions) {
    return HttpCheck.newBuilder().setMonitorId("m").setMethod("GET").setUrl("https://queue.example/depth")
        .addAllConditions(List.of(conditions));
  }

  @Test
  void parsesConditionsOnceAndAppliesDefaults() {
    PreparedCheck prepared = PreparedCheck.of(check("[STATUS] == 200", "[BODY].enqueued < 1000").build());
    assertNull(prepared.invalidReason());
    assertEquals(2, prepared.conditions().size());
    assertEquals(PreparedCheck.DEFAULT_TIMEOUT_MS, prepared.timeoutMs());
    assertEquals(1024 * 1024, prepared.maxBodyBytes());
    assertEquals(2500, PreparedCheck.of(check().setTimeoutMs(2500).setMaxBodyBytes(4096).build()).timeoutMs());
    assertEquals(4096, PreparedCheck.of(check().setMaxBodyBytes(4096).build()).maxBodyBytes());
  }

  @ParameterizedTest(name = "{0}: keeps body {1}")
  @CsvSource(delimiter = '|', value = {
      "[STATUS] == 200            | false",
      "[RESPONSE_TIME] < 500      | false",
      "[BODY].enqueued < 1000     | true",
      "[BODY] == ok               | true",
      "[STATUS] == [BODY].code    | true"})
  void keepsTheBodyOnlyWhenAConditionReadsIt(String condition, boolean needsBody) {
    assertEquals(needsBody, PreparedCheck.of(check(condition).build()).needsBody());
  }

  @Test
  void keepsTheBodyWhenASeriesReadsIt() {
    assertTrue(PreparedCheck.of(check("[STATUS] == 200").putSeries("depth", "[BODY].enqueued").build()).needsBody());
    assertFalse(PreparedCheck.of(check().putSeries("latency", "[RESPONSE_TIME]").build()).needsBody());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "url      | ftp://queue.example/        | invalid URL: only http and https are supported, not ftp",
      "method   | GE T                        | invalid method \"GE T\"",
      "header   | X Bad                       | invalid header name \"X Bad\""})
  void aCheckThatCannotBeSentIsInvalid(String what, String value, String reason) {
    HttpCheck.Builder builder = check();
    switch (what) {
      case "url" -> builder.setUrl(value);
      case "method" -> builder.setMethod(value);
      default -> builder.putHeaders(value, "v");
    }
    assertEquals(reason, PreparedCheck.of(builder.build()).invalidReason());
  }

  @Test
  void aBadConditionIsInvalidToo() {
    String reason = PreparedCheck.of(check("[BODY].x <").build()).invalidReason();
    assertTrue(reason.startsWith("invalid condition or series: "), reason);
    String series = PreparedCheck.of(check().putSeries("Depth", "[BODY].enqueued").build()).invalidReason();
    assertTrue(series.startsWith("invalid condition or series: series \"Depth\""), series);
  }

  @Test
  void neverQuotesAHeaderValue() {
    String reason = PreparedCheck.of(check().putHeaders("Authorization", "Bearer s3cret\r\nX-Evil: 1").build())
        .invalidReason();
    assertEquals("invalid header Authorization: its value contains a line break or control character", reason);
    assertFalse(reason.contains("s3cret"));
  }
}
