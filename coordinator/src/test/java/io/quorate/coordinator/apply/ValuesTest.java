package io.quorate.coordinator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a value of the file means what the coordinator shows, so a second apply finds nothing to do. */
class ValuesTest {
  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "'\"60s\"'                  | '\"1m\"'                      | true",
      "'\"90m\"'                  | '\"1h30m\"'                   | true",
      "'\"30s\"'                  | '\"1m\"'                      | false",
      "'2'                        | '2.0'                         | true",
      "'2'                        | '3'                           | false",
      "'\"\"'                     | 'null'                        | true",
      "'[]'                       | 'null'                        | true",
      "'{}'                       | '\"\"'                        | true",
      "'\"a\"'                    | 'null'                        | false",
      "'[\"a\",\"b\"]'            | '[\"b\",\"a\"]'               | false",
      "'{\"team\":\"x\"}'         | '{\"team\":\"x\",\"tier\":\"1\"}' | false",
      "'\"soon\"'                 | '\"later\"'                   | false",
  })
  void comparesValuesAsTheApiNormalizesThem(String wanted, String shown, boolean same) {
    assertEquals(same, Values.same(json(wanted), json(shown), true));
  }

  @Test
  void keysOnlyTheCoordinatorShowsCountForMapsTheUserFillsNotForObjectsWithDefaults() {
    JsonObject wanted = new JsonObject().put("start", "09:00");
    JsonObject shown = new JsonObject().put("start", "09:00").put("time_zone", "UTC");

    assertTrue(Values.same(wanted, shown, false), "working hours: the API fills in the zone");
    assertFalse(Values.same(wanted, shown, true), "labels: a label only the coordinator has is a change");
  }

  private static Object json(String text) {
    return new JsonArray("[" + text + "]").getValue(0);
  }
}
