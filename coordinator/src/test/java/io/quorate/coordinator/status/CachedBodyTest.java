package io.quorate.coordinator.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strong ETags of rendered answers and how {@code If-None-Match} is compared with them. */
class CachedBodyTest {
  private static final CachedBody BODY = CachedBody.of("{\"state\":\"operational\"}", "application/json");

  @Test
  void equalBodiesHaveEqualTagsOnEveryNode() {
    assertEquals(BODY.etag(), CachedBody.of("{\"state\":\"operational\"}", "application/json").etag());
    assertNotEquals(BODY.etag(), CachedBody.of("{\"state\":\"outage\"}", "application/json").etag());
  }

  /** Each row: the header as sent, with TAG standing for the body's tag, and whether it matches. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      TAG                  | true
      W/TAG                | true
      "other", TAG         | true
      *                    | true
      "other"              | false
      NULL                 | false
      ''                   | false
      """)
  void comparesIfNoneMatchWeaklyAsForGet(String header, boolean matches) {
    assertEquals(matches, BODY.matches(header == null ? null : header.replace("TAG", BODY.etag())));
  }
}
