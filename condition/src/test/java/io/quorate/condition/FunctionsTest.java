package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.condition.ConditionResult.Failure;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** len(), has(), pat() and any(), on a job-listing body such as a dashboard API returns. */
class FunctionsTest {
  private static final String BODY = """
      {"jobs": [{"id": "a1", "state": "running"}, {"id": "b2", "state": "queued"}, {"id": "c3", "state": "queued"}],
       "workers": {"w1": {"busy": true}, "w2": {"busy": false}},
       "state": "running", "status": "paused", "queue": "mail", "count": 42, "count_text": "7",
       "flag": true, "nothing": null, "emoji": "🚀ok", "empty": [], "http": 429}
      """;

  @ParameterizedTest(name = "{0}  →  {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      # len(): elements of an array or object, characters of text; missing is never 0
      len([BODY].jobs) == 3            | true  | NONE          | len([BODY].jobs) (3) == 3 — passed
      len([BODY].jobs) > 5             | false | BREACHED      | len([BODY].jobs) (3) > 5 — failed
      len([BODY].jobs) >= 1            | true  | NONE          | len([BODY].jobs) (3) >= 1 — passed
      len([BODY].workers) == 2         | true  | NONE          | len([BODY].workers) (2) == 2 — passed
      len([BODY].queue) == 4           | true  | NONE          | len([BODY].queue) (4) == 4 — passed
      len([BODY].emoji) == 3           | true  | NONE          | len([BODY].emoji) (3) == 3 — passed
      len([BODY].empty) == 0           | true  | NONE          | len([BODY].empty) (0) == 0 — passed
      len([BODY].empty) != 0           | false | BREACHED      | len([BODY].empty) (0) != 0 — failed
      len([BODY].jobs) < len([BODY].workers) | false | BREACHED | len([BODY].jobs) (3) < len([BODY].workers) (2) — failed
      len([BODY].count) > 0            | false | TYPE_MISMATCH | len([BODY].count): 42 is not an array, object or text
      len([BODY].flag) > 0             | false | TYPE_MISMATCH | len([BODY].flag): true is not an array, object or text
      len([BODY].nothing) == 0         | false | TYPE_MISMATCH | len([BODY].nothing): null is not an array, object or text
      len([BODY].missing) == 0         | false | FIELD_MISSING | [BODY].missing: field missing
      len([BODY].jobs[5].id) > 0       | false | FIELD_MISSING | [BODY].jobs[5].id: field missing
      # has(): the explicit presence test, the one function that does not fail closed
      has([BODY].errors) == false      | true  | NONE          | has([BODY].errors) (false) == false — passed
      has([BODY].errors) != true       | true  | NONE          | has([BODY].errors) (false) != true — passed
      has([BODY].errors) == "false"    | true  | NONE          | has([BODY].errors) (false) == "false" — passed
      has([BODY].jobs) == true         | true  | NONE          | has([BODY].jobs) (true) == true — passed
      has([BODY].jobs) == false        | false | BREACHED      | has([BODY].jobs) (true) == false — failed
      has([BODY].nothing) == true      | true  | NONE          | has([BODY].nothing) (true) == true — passed
      has([BODY].jobs[2].id) == true   | true  | NONE          | has([BODY].jobs[2].id) (true) == true — passed
      has([BODY].jobs[3]) == false     | true  | NONE          | has([BODY].jobs[3]) (false) == false — passed
      has([BODY].state.x) == false     | true  | NONE          | has([BODY].state.x) (false) == false — passed
      false == has([BODY].errors)      | true  | NONE          | false == has([BODY].errors) (false) — passed
      # pat(): * any run, ? one character, case-sensitive, whole value
      [BODY].state == pat(run*)        | true  | NONE          | [BODY].state (running) == pat(run*) — passed
      [BODY].state == pat(*ing)        | true  | NONE          | [BODY].state (running) == pat(*ing) — passed
      [BODY].state == pat(r?nning)     | true  | NONE          | [BODY].state (running) == pat(r?nning) — passed
      [BODY].state == pat(*u*n*i*)     | true  | NONE          | [BODY].state (running) == pat(*u*n*i*) — passed
      [BODY].state == pat(*)           | true  | NONE          | [BODY].state (running) == pat(*) — passed
      [BODY].state == pat(r?n)         | false | BREACHED      | [BODY].state (running) == pat(r?n) — failed
      [BODY].state == pat(run)         | false | BREACHED      | [BODY].state (running) == pat(run) — failed
      [BODY].state == pat(RUN*)        | false | BREACHED      | [BODY].state (running) == pat(RUN*) — failed
      [BODY].state != pat(run*)        | false | BREACHED      | [BODY].state (running) != pat(run*) — failed
      [BODY].status != pat(run*)       | true  | NONE          | [BODY].status (paused) != pat(run*) — passed
      [BODY].state == pat("run*")      | true  | NONE          | [BODY].state (running) == pat("run*") — passed
      [BODY].emoji == pat(?ok)         | true  | NONE          | [BODY].emoji (🚀ok) == pat(?ok) — passed
      [BODY].jobs[0].id == pat(a?)     | true  | NONE          | [BODY].jobs[0].id (a1) == pat(a?) — passed
      [BODY].http == pat(4??)          | true  | NONE          | [BODY].http (429) == pat(4??) — passed
      [STATUS] == pat(2*)              | true  | NONE          | [STATUS] (200) == pat(2*) — passed
      [BODY].missing == pat(*)         | false | FIELD_MISSING | [BODY].missing: field missing
      # any(): one of them with ==, none of them with !=; numbers as numbers
      [BODY].status == any(ok, healthy)   | false | BREACHED  | [BODY].status (paused) == any(ok, healthy) — failed
      [BODY].status == any(ok, paused)    | true  | NONE      | [BODY].status (paused) == any(ok, paused) — passed
      [BODY].status != any(ok, healthy)   | true  | NONE      | [BODY].status (paused) != any(ok, healthy) — passed
      [BODY].status != any(paused, stopped) | false | BREACHED | [BODY].status (paused) != any(paused, stopped) — failed
      [STATUS] == any(200, 204)           | true  | NONE      | [STATUS] (200) == any(200, 204) — passed
      [BODY].http == any(200, 204)        | false | BREACHED  | [BODY].http (429) == any(200, 204) — failed
      [BODY].http == any(200.0, 4.29e2)   | true  | NONE      | [BODY].http (429) == any(200.0, 4.29e2) — passed
      [BODY].count_text == any(7, 8)      | true  | NONE      | [BODY].count_text (7) == any(7, 8) — passed
      [BODY].status == any(paused, 2)     | true  | NONE      | [BODY].status (paused) == any(paused, 2) — passed
      [BODY].count == any(forty-two, 42)  | true  | NONE      | [BODY].count (42) == any(forty-two, 42) — passed
      [BODY].state == any("running", "a, b") | true | NONE    | [BODY].state (running) == any("running", "a, b") — passed
      [BODY].status == any(1, 2)          | false | TYPE_MISMATCH | [BODY].status: "paused" is not a number
      [BODY].missing == any(ok)           | false | FIELD_MISSING | [BODY].missing: field missing
      """)
  void evaluatesFunctions(String condition, boolean success, Failure failure, String line) {
    ConditionResult result = Condition.parse(condition).evaluate(CheckResponse.of(200, 41, BODY));
    assertEquals(line, result.line());
    assertEquals(success, result.success(), line);
    assertEquals(failure, result.failure(), line);
  }

  @ParameterizedTest(name = "{1} on <{0}>  →  {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      '[1, 2, 3]'           | len([BODY]) == 3   | len([BODY]) (3) == 3 — passed
      '{"a": 1, "b": 2}'    | len([BODY]) == 2   | len([BODY]) (2) == 2 — passed
      hello world           | len([BODY]) == 11  | len([BODY]) (11) == 11 — passed
      '  padded  '          | len([BODY]) == 6   | len([BODY]) (6) == 6 — passed
      ''                    | len([BODY]) == 0   | len([BODY]) (0) == 0 — passed
      '[oops'               | len([BODY]) == 5   | len([BODY]) (5) == 5 — passed
      '"quoted"'            | len([BODY]) == 8   | len([BODY]) (8) == 8 — passed
      not json              | has([BODY].a) == false | has([BODY].a) (false) == false — passed
      """)
  void measuresTheWholeBody(String body, String condition, String line) {
    assertEquals(line, Condition.parse(condition).evaluate(CheckResponse.of(200, 1, body)).line());
  }

  @ParameterizedTest(name = "{0}  →  {1}")
  @CsvSource(delimiter = '|', textBlock = """
      len([BODY].jobs) == 3                 | len([BODY].jobs)=3
      len([BODY].missing) == 3              |
      has([BODY].jobs) == true              |
      [BODY].http == any(200, 429)          | [BODY].http=429
      [BODY].state == pat(run*)             |
      """)
  void recordsWhatFunctionsMeasured(String condition, String expected) {
    Map<String, Double> values = Condition.parse(condition).evaluate(CheckResponse.of(200, 1, BODY)).values();
    Map<String, Double> measured = expected == null ? Map.of()
        : Map.of(expected.split("=")[0], Double.parseDouble(expected.split("=")[1]));
    assertEquals(measured, values);
  }
}
