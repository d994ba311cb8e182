package io.quorate.bench.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResultTest {

  @Test
  void aResultLineReadsBackAsTheSameFigures() {
    Result written = new Result().put("per_s", 4_998.5).put("down", 0).put("gc", "G1_Young").put("oom", false);
    Result read = Result.parse(written.line());
    assertEquals(4_998.5, read.number("per_s"));
    assertEquals(0, read.number("down"));
    assertEquals("G1_Young", read.text("gc"));
    assertEquals("false", read.text("oom"));
  }

  @Test
  void absentOrNonNumericFiguresAreNaN() {
    Result result = Result.parse("p99_ms=NaN name=probe");
    assertEquals(Double.NaN, result.number("p99_ms"));
    assertEquals(Double.NaN, result.number("name"));
    assertEquals(Double.NaN, result.number("missing"));
  }

  @Test
  void prefixedCopiesKeepTheirValues() {
    Result result = new Result().putAll("sink_", Result.parse("steady_per_s=12.5"));
    assertEquals(12.5, result.number("sink_steady_per_s"));
  }

  @Test
  void valuesWithSpacesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Result().put("reason", "two words"));
  }
}
