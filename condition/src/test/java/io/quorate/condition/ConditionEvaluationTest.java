package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.condition.ConditionResult.Failure;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionEvaluationTest {
  private static final String BODY = """
      {"enqueued": 5234, "status": "ok", "ratio": 0.25, "delta": -3.5, "big": 1e3, "text": "abc",
       "num_text": "42", "flag": true, "nothing": null, "empty": "", "weird-key": 7,
       "queues": [{"name": "mail", "depth": 12}, {"name": "sms", "depth": 0}],
       "nested": {"a": {"b": [1, [2, 3]]}}}
      """;

  @ParameterizedTest(name = "{0}  →  {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # every operator on [STATUS] (200)
      [STATUS] == 200                  | true  | NONE          | [STATUS] (200) == 200 — passed
      [STATUS] != 200                  | false | BREACHED      | [STATUS] (200) != 200 — failed
      [STATUS] != 500                  | true  | NONE          | [STATUS] (200) != 500 — passed
      [STATUS] < 400                   | true  | NONE          | [STATUS] (200) < 400 — passed
      [STATUS] < 200                   | false | BREACHED      | [STATUS] (200) < 200 — failed
      [STATUS] <= 200                  | true  | NONE          | [STATUS] (200) <= 200 — passed
      [STATUS] <= 199                  | false | BREACHED      | [STATUS] (200) <= 199 — failed
      [STATUS] > 200                   | false | BREACHED      | [STATUS] (200) > 200 — failed
      [STATUS] > 199                   | true  | NONE          | [STATUS] (200) > 199 — passed
      [STATUS] >= 200                  | true  | NONE          | [STATUS] (200) >= 200 — passed
      [STATUS] >= 201                  | false | BREACHED      | [STATUS] (200) >= 201 — failed
      [STATUS]==200                    | true  | NONE          | [STATUS] (200) == 200 — passed
      200 == [STATUS]                  | true  | NONE          | 200 == [STATUS] (200) — passed
      [STATUS] == "200"                | true  | NONE          | [STATUS] (200) == "200" — passed
      # [RESPONSE_TIME] (41 ms)
      [RESPONSE_TIME] < 100            | true  | NONE          | [RESPONSE_TIME] (41) < 100 — passed
      [RESPONSE_TIME] > 41             | false | BREACHED      | [RESPONSE_TIME] (41) > 41 — failed
      # JSON numbers, decimals, negatives: compared as numbers
      [BODY].enqueued < 1000           | false | BREACHED      | [BODY].enqueued (5234) < 1000 — failed
      [BODY].enqueued >= 5234          | true  | NONE          | [BODY].enqueued (5234) >= 5234 — passed
      [BODY].enqueued == 5234.0        | true  | NONE          | [BODY].enqueued (5234) == 5234.0 — passed
      [BODY].enqueued < 10000          | true  | NONE          | [BODY].enqueued (5234) < 10000 — passed
      [BODY].ratio == 0.25             | true  | NONE          | [BODY].ratio (0.25) == 0.25 — passed
      [BODY].ratio < .3                | true  | NONE          | [BODY].ratio (0.25) < .3 — passed
      [BODY].delta < -3                | true  | NONE          | [BODY].delta (-3.5) < -3 — passed
      [BODY].delta > -3.5              | false | BREACHED      | [BODY].delta (-3.5) > -3.5 — failed
      [BODY].delta >-4                 | true  | NONE          | [BODY].delta (-3.5) > -4 — passed
      [BODY].big == 1000               | true  | NONE          | [BODY].big (1000) == 1000 — passed
      [BODY].num_text > 40             | true  | NONE          | [BODY].num_text (42) > 40 — passed
      # text, bare or quoted, with == and !=
      [BODY].status == ok              | true  | NONE          | [BODY].status (ok) == ok — passed
      [BODY].status == "ok"            | true  | NONE          | [BODY].status (ok) == "ok" — passed
      [BODY].status != ok              | false | BREACHED      | [BODY].status (ok) != ok — failed
      [BODY].status != degraded        | true  | NONE          | [BODY].status (ok) != degraded — passed
      [BODY].status == "all good"      | false | BREACHED      | [BODY].status (ok) == "all good" — failed
      [BODY].empty == ""               | true  | NONE          | [BODY].empty () == "" — passed
      [BODY].flag == true              | true  | NONE          | [BODY].flag (true) == true — passed
      [BODY].nothing == null           | true  | NONE          | [BODY].nothing (null) == null — passed
      [BODY].queues[0] == x            | false | BREACHED      | [BODY].queues[0] ({"name":"mail","depth":12}) == x — failed
      # nested paths and arrays
      [BODY].queues[0].depth == 12     | true  | NONE          | [BODY].queues[0].depth (12) == 12 — passed
      [BODY].queues[1].name == sms     | true  | NONE          | [BODY].queues[1].name (sms) == sms — passed
      [BODY].nested.a.b[1][0] == 2     | true  | NONE          | [BODY].nested.a.b[1][0] (2) == 2 — passed
      [BODY].weird-key == 7            | true  | NONE          | [BODY].weird-key (7) == 7 — passed
      [BODY].enqueued > [BODY].queues[0].depth | true | NONE          | [BODY].enqueued (5234) > [BODY].queues[0].depth (12) — passed
      # fail closed: missing fields never pass and never read as 0
      [BODY].missing < 1000            | false | FIELD_MISSING | [BODY].missing: field missing
      [BODY].missing != 0              | false | FIELD_MISSING | [BODY].missing: field missing
      [BODY].missing == ok             | false | FIELD_MISSING | [BODY].missing: field missing
      [BODY].queues[2].depth < 5       | false | FIELD_MISSING | [BODY].queues[2].depth: field missing
      [BODY].queues.depth > 1          | false | FIELD_MISSING | [BODY].queues.depth: field missing
      [BODY].enqueued.count > 1        | false | FIELD_MISSING | [BODY].enqueued.count: field missing
      [BODY].status[0] == o            | false | FIELD_MISSING | [BODY].status[0]: field missing
      [STATUS] < [BODY].missing        | false | FIELD_MISSING | [BODY].missing: field missing
      # fail closed: type mismatches
      [BODY].text < 10                 | false | TYPE_MISMATCH | "[BODY].text: ""abc"" is not a number"
      [BODY].text == 5                 | false | TYPE_MISMATCH | "[BODY].text: ""abc"" is not a number"
      [BODY].text != 5                 | false | TYPE_MISMATCH | "[BODY].text: ""abc"" is not a number"
      [BODY].flag > 0                  | false | TYPE_MISMATCH | [BODY].flag: true is not a number
      [BODY].nothing > 0               | false | TYPE_MISMATCH | [BODY].nothing: null is not a number
      [BODY].nothing != 0              | false | TYPE_MISMATCH | [BODY].nothing: null is not a number
      [BODY].queues > 1                | false | TYPE_MISMATCH | "[BODY].queues: [{""name"":""mail"",""depth"":12},{""name"":""sms"",""depth"":0}] is not a number"
      [STATUS] < [BODY].status         | false | TYPE_MISMATCH | "[BODY].status: ""ok"" is not a number"
      """, quoteCharacter = '"')
  void evaluatesConditionsOnAJsonBody(String condition, boolean success, Failure failure, String line) {
    ConditionResult result = Condition.parse(condition).evaluate(new CheckResponse(200, 41, BODY, Map.of()));
    assertEquals(line, result.line());
    assertEquals(success, result.success(), line);
    assertEquals(failure, result.failure(), line);
    assertEquals(condition.strip(), result.condition());
  }

  @ParameterizedTest(name = "{1} on body <{0}>  →  {4}")
  @CsvSource(delimiter = '|', textBlock = """
      5234               | [BODY] < 1000            | false | BREACHED      | [BODY] (5234) < 1000 — failed
      '  12.5  '         | [BODY] == 12.5           | true  | NONE          | [BODY] (12.5) == 12.5 — passed
      -7                 | [BODY] < 0               | true  | NONE          | [BODY] (-7) < 0 — passed
      OK                 | [BODY] == OK             | true  | NONE          | [BODY] (OK) == OK — passed
      abc                | [BODY] > 1               | false | TYPE_MISMATCH | [BODY]: "abc" is not a number
      abc                | [BODY].x == 1            | false | UNPARSABLE    | [BODY]: not JSON
      ''                 | [BODY].enqueued < 1000   | false | UNPARSABLE    | [BODY]: not JSON
      ''                 | [BODY] < 1000            | false | TYPE_MISMATCH | [BODY]: "" is not a number
      <html>oops</html>  | [BODY].enqueued < 1000   | false | UNPARSABLE    | [BODY]: not JSON
      {"enqueued": 5     | [BODY].enqueued < 1000   | false | UNPARSABLE    | [BODY]: not JSON
      [1, 2]             | [BODY][1] == 2           | true  | NONE          | [BODY][1] (2) == 2 — passed
      [1, 2]             | [BODY][2] == 2           | false | FIELD_MISSING | [BODY][2]: field missing
      null               | [BODY].a == 1            | false | FIELD_MISSING | [BODY].a: field missing
      42                 | [BODY].a == 1            | false | FIELD_MISSING | [BODY].a: field missing
      """)
  void evaluatesConditionsOnOtherBodies(String body, String condition, boolean success, Failure failure,
      String line) {
    ConditionResult result = Condition.parse(condition).evaluate(CheckResponse.of(503, 7, body));
    assertEquals(line, result.line());
    assertEquals(success, result.success(), line);
    assertEquals(failure, result.failure(), line);
  }

  @ParameterizedTest(name = "{0}  →  {1}")
  @CsvSource(delimiter = '|', textBlock = """
      [STATUS] == 200                            | [STATUS]=200
      [RESPONSE_TIME] < 100                      | [RESPONSE_TIME]=41
      [BODY].enqueued < 1000                     | [BODY].enqueued=5234
      [BODY].delta < 0                           | [BODY].delta=-3.5
      [BODY].num_text > 40                       | [BODY].num_text=42
      [BODY].enqueued > [BODY].queues[0].depth   | [BODY].enqueued=5234;[BODY].queues[0].depth=12
      [BODY].missing < 1                         |
      [BODY].status == ok                        |
      [BODY].text < 1                            |
      """)
  void recordsTheNumbersItMeasured(String condition, String expected) {
    ConditionResult result = Condition.parse(condition).evaluate(new CheckResponse(200, 41, BODY, Map.of()));
    assertEquals(parseValues(expected), result.values());
  }

  private static Map<String, Double> parseValues(String text) {
    Map<String, Double> values = new LinkedHashMap<>();
    if (text != null) {
      Arrays.stream(text.split(";")).map(pair -> pair.split("="))
          .forEach(kv -> values.put(kv[0], Double.parseDouble(kv[1])));
    }
    return values;
  }
}
