package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionSyntaxTest {
  private static final String PLACEHOLDERS =
      "(use one of [STATUS], [RESPONSE_TIME], [BODY], [HEADER], [METRIC], [CERTIFICATE_EXPIRATION])";
  private static final String OPERATORS = "(use one of ==, !=, <, <=, >, >=)";

  @ParameterizedTest(name = "{0}  →  {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      # operators
      [BODY].x <<< 3          | unknown operator "<<<" OPERATORS
      [STATUS] = 200          | unknown operator "=" OPERATORS
      [STATUS] => 200         | unknown operator "=>" OPERATORS
      [STATUS] <> 200         | unknown operator "<>" OPERATORS
      [STATUS] === 200        | unknown operator "===" OPERATORS
      [STATUS] ! 200          | unknown operator "!" OPERATORS
      [STATUS] 200            | missing operator OPERATORS
      [STATUS]                | missing operator OPERATORS
      [STATUS] ==             | nothing on the right of "=="
      == 200                  | nothing on the left of "=="
      # placeholders
      [FOO] == 1              | unknown placeholder [FOO] PLACEHOLDERS
      [status] == 200         | unknown placeholder [status] PLACEHOLDERS
      [CONNECTED] == true     | unknown placeholder [CONNECTED] PLACEHOLDERS
      [STATUS].code == 200    | [STATUS] takes no path, but is followed by .code
      [RESPONSE_TIME][0] < 5  | [RESPONSE_TIME] takes no path, but is followed by [0]
      [CERTIFICATE_EXPIRATION].days > 1 | [CERTIFICATE_EXPIRATION] takes no path, but is followed by .days
      [BODY]. == 1            | empty key in the path [BODY].
      [BODY].a..b == 1        | empty key in the path [BODY].a..b
      [BODY].a[x] == 1        | array index must be a whole number such as [0], got [x]
      [BODY].a[-1] == 1       | array index must be a whole number such as [0], got [-1]
      [BODY].a[] == 1         | array index must be a whole number such as [0], got []
      [BODY]enqueued < 3      | expected "." or "[" after [BODY], got "enqueued"
      [BODY].a b == 1         | unexpected " " in the path [BODY].a b
      [BODY].x{a} == 1        | unexpected "{" in the path [BODY].x{a}
      [HEADER] == 1           | [HEADER] needs a header name, e.g. [HEADER].X-Queue-Depth
      [HEADER]. == 1          | [HEADER] needs a header name, e.g. [HEADER].X-Queue-Depth
      [HEADER].X/Depth == 1   | unexpected "/" in the header name [HEADER].X/Depth
      [METRIC] < 1            | [METRIC] needs a metric name, e.g. [METRIC].sidekiq_queue_latency{queue="default"}
      [METRIC].9lives < 1     | expected a metric name (letters, digits, _ and :) in [METRIC].9lives, found "9"
      [METRIC].queue-depth < 1 | expected a metric name (letters, digits, _ and :) in [METRIC].queue-depth, found "-"
      # metric labels
      [METRIC].x{queue=critical} < 1  | bad label syntax in [METRIC].x{queue=critical}: the value of queue must be in double quotes, e.g. queue="critical"
      [METRIC].x{queue!="a"} < 1      | bad label syntax in [METRIC].x{queue!="a"}: expected = after the label queue (only = is supported)
      [METRIC].x{queue=~"a.*"} < 1    | bad label syntax in [METRIC].x{queue=~"a.*"}: the value of queue must be in double quotes, e.g. queue="critical"
      [METRIC].x{q="a",q="b"} < 1     | bad label syntax in [METRIC].x{q="a",q="b"}: label q is given twice
      [METRIC].x{="a"} < 1            | bad label syntax in [METRIC].x{="a"}: expected a label name at "="a"}"
      [METRIC].x{q="a" r="b"} < 1     | bad label syntax in [METRIC].x{q="a" r="b"}: expected , or } after the value of q
      [METRIC].x{q="a"}z < 1          | bad label syntax in [METRIC].x{q="a"}z: unexpected text after "}": z
      # unbalanced brackets and quotes
      [BODY].a[1 == 1         | missing "]"
      [BODY enqueued < 3      | missing "]"
      [METRIC].x{q="a" < 1    | missing "}"
      len([BODY].jobs == 3    | missing ")"
      "[BODY].x == 1          | missing closing quote
      [BODY].x == "abc        | missing closing quote in "abc
      [BODY].x == "a" b       | unexpected text after the closing quote: b
      [BODY].x == a]b         | unexpected "]" in a]b (put text in double quotes)
      [STATUS] == 200)        | unexpected ")" in 200) (put text in double quotes)
      [BODY].x == == 3        | unexpected "=" in == 3 (put text in double quotes)
      [BODY].status == any(ok, up | missing ")" in any(ok, up
      [BODY].status == any(ok) x  | unexpected text after any(ok): x
      # constants and ordering
      [BODY].x < abc          | "<" compares numbers, but abc is not a number
      [BODY].x >= "5"         | ">=" compares numbers, but "5" is not a number
      ok <= [STATUS]          | "<=" compares numbers, but ok is not a number
      [BODY].ratio < 5 %      | "<" compares numbers, but 5 % is not a number
      1 == 1                  | compares two constants; one side must be a placeholder such as [STATUS] or [BODY].enqueued
      ok == "ok"              | compares two constants; one side must be a placeholder such as [STATUS] or [BODY].enqueued
      5m == 300               | compares two constants; one side must be a placeholder such as [STATUS] or [BODY].enqueued
      # durations
      [BODY].age < 5min       | unknown duration unit "min" in 5min (use ms, s, m, h or d); put text in double quotes
      [BODY].age < 3w         | unknown duration unit "w" in 3w (use ms, s, m, h or d); put text in double quotes
      [BODY].age < 1h30x      | unknown duration unit "x" in 1h30x (use ms, s, m, h or d); put text in double quotes
      [RESPONSE_TIME] < 5sec  | unknown duration unit "sec" in 5sec (use ms, s, m, h or d); put text in double quotes
      [BODY].state == any(ok, 5mins) | unknown duration unit "mins" in 5mins (use ms, s, m, h or d); put text in double quotes
      # functions
      size([BODY].jobs) == 1  | unknown function size() (use len, has, pat or any; put text in double quotes)
      LEN([BODY].jobs) == 1   | unknown function LEN() (use len, has, pat or any; put text in double quotes)
      [BODY].state == done (ok) | unknown function done() (use len, has, pat or any; put text in double quotes)
      len(5) == 1             | len() takes a placeholder such as [BODY].jobs, not 5
      len(len([BODY].x)) == 1 | len() takes a placeholder such as [BODY].jobs, not len([BODY].x)
      len() == 1              | len() needs a placeholder, e.g. len([BODY].jobs)
      len([STATUS]) == 3      | len() takes [BODY], a [BODY] path or [HEADER].Name, not [STATUS]
      len([METRIC].x) > 1     | len() takes [BODY], a [BODY] path or [HEADER].Name, not [METRIC].x
      len([BODY].jobs) == many | len([BODY].jobs) is a number, so compare it with a number rather than many
      has([STATUS]) == true   | has() takes a [BODY] path, [HEADER].Name, [METRIC].name or [CERTIFICATE_EXPIRATION], not [STATUS]
      has([BODY]) == true     | has() takes a [BODY] path, [HEADER].Name, [METRIC].name or [CERTIFICATE_EXPIRATION], not [BODY]
      has(errors) == false    | has() takes a placeholder such as [BODY].jobs, not errors
      has([BODY].x) == 1      | has([BODY].x) is true or false, so compare it with true or false, e.g. has([BODY].errors) == false
      has([BODY].x) == yes    | has([BODY].x) is true or false, so compare it with true or false, e.g. has([BODY].errors) == false
      has([BODY].x) == [BODY].y | has([BODY].x) is true or false, so compare it with true or false, e.g. has([BODY].errors) == false
      has([BODY].x) > 0       | ">" compares numbers, but has([BODY].x) is true or false
      pat(run*) == [BODY].state     | pat(run*) goes on the right-hand side, e.g. [BODY].state == pat(run*)
      any(ok, up) == [BODY].status  | any(ok, up) goes on the right-hand side, e.g. [BODY].status == any(ok, healthy)
      [BODY].state < pat(run*)      | "<" cannot be used with pat(run*); use == or !=
      [STATUS] >= any(200, 204)     | ">=" cannot be used with any(200, 204); use == or !=
      [BODY].state == pat()         | pat() needs a pattern, e.g. pat(run*)
      [BODY].status == any()        | any() needs at least one value, e.g. any(ok, healthy)
      [BODY].status == any( )       | any() needs at least one value, e.g. any(ok, healthy)
      [BODY].status == any(ok,,up)  | empty value in any(ok,,up)
      [BODY].status == any(ok, )    | empty value in any(ok, )
      [BODY].status == any(ok, [BODY].x) | any() takes constants, not [BODY].x
      [BODY].status == any(ok, len([BODY].x)) | any() takes constants, not len([BODY].x)
      """)
  void refusesInvalidConditionsWithAMessageNamingConditionAndProblem(String condition, String problem) {
    String expected = problem.replace("PLACEHOLDERS", PLACEHOLDERS).replace("OPERATORS", OPERATORS);
    ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class, () -> Condition.parse(condition));
    assertEquals(expected, e.problem());
    assertEquals("condition \"" + condition + "\": " + expected, e.getMessage());
    assertEquals(condition, e.condition());
    assertTrue(e.series().isEmpty());
  }

  @Test
  void refusesEscapesInLabelValuesThatPrometheusDoesNotHave() {
    ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class,
        () -> Condition.parse("[METRIC].x{q=\"a\\tb\"} < 1"));
    assertEquals("bad label syntax in [METRIC].x{q=\"a\\tb\"}: unknown escape \\t (use \\\\, \\\" or \\n)",
        e.problem());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void refusesAnEmptyCondition(String condition) {
    ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class, () -> Condition.parse(condition));
    assertTrue(e.getMessage().startsWith("condition \"\": is empty"), e.getMessage());
  }

  @Test
  void parsesIntoPlaceholderOperatorAndLiteral() {
    Condition condition = Condition.parse("  [BODY].queues[0].depth < -1.5 ");
    assertEquals("[BODY].queues[0].depth < -1.5", condition.text());
    assertEquals(new Placeholder.Body(List.of(new PathSegment.Key("queues"), new PathSegment.Index(0),
        new PathSegment.Key("depth"))), condition.left());
    assertEquals(Operator.LESS, condition.operator());
    assertEquals(new Literal("-1.5", "-1.5", -1.5), condition.right());
  }

  @Test
  void parsesMetricLabelsWithSpacesEscapesAndATrailingComma() {
    Condition condition = Condition.parse(
        "[METRIC].rabbitmq_queue_messages_ready{ vhost = \"/\", queue=\"say \\\"hi\\\" \\\\ \\n\", } > 0");
    Placeholder.Metric metric = (Placeholder.Metric) condition.left();
    assertEquals("rabbitmq_queue_messages_ready", metric.name());
    assertEquals(List.of(new Placeholder.Label("vhost", "/"), new Placeholder.Label("queue", "say \"hi\" \\ \n")),
        metric.labels());
    assertEquals("[METRIC].rabbitmq_queue_messages_ready{vhost=\"/\",queue=\"say \\\"hi\\\" \\\\ \\n\"}",
        metric.text());
  }

  @Test
  void parsesFunctionsAroundPlaceholders() {
    assertEquals(new FunctionCall(FunctionCall.Function.LEN, new Placeholder.Header("X-Jobs")),
        Condition.parse("len ( [HEADER].X-Jobs ) > 0").left());
    assertEquals(new Glob("pat(\"a, b*\")", "a, b*"), Condition.parse("[BODY].s == pat(\"a, b*\")").right());
    AnyOf any = (AnyOf) Condition.parse("[BODY].s != any(ok, \"x, y\", 5m, 2%)").right();
    assertEquals(List.of(new Literal("ok", "ok", null), new Literal("\"x, y\"", "x, y", null),
        new Literal("5m", "5m", 300.0), new Literal("2%", "2%", 0.02)), any.items());
  }

  @Test
  void readsADurationInTheUnitOfThePlaceholderFacingIt() {
    assertEquals(250.0, ((Literal) Condition.parse("[RESPONSE_TIME] < 250ms").right()).number());
    assertEquals(250.0, ((Literal) Condition.parse("250ms > [RESPONSE_TIME]").left()).number());
    assertEquals(0.25, ((Literal) Condition.parse("[BODY].oldest_age < 250ms").right()).number());
    assertEquals(5400.0, ((Literal) Condition.parse("[BODY].oldest_age < 1h30m").right()).number());
    assertEquals(172800.0, ((Literal) Condition.parse("[CERTIFICATE_EXPIRATION] > 2d").right()).number());
  }

  @Test
  void keepsQuotedTextWithOperatorsAndEscapes() {
    Condition condition = Condition.parse("[BODY].message == \"a <= b, \\\"quoted\\\"\"");
    assertEquals(Operator.EQUAL, condition.operator());
    assertEquals("a <= b, \"quoted\"", ((Literal) condition.right()).value());
    ConditionResult result = condition.evaluate(
        CheckResponse.of(200, 1, "{\"message\": \"a <= b, \\\"quoted\\\"\"}"));
    assertTrue(result.success(), result.line());
  }

  @Test
  void keepsBareTextWithSpaces() {
    Condition condition = Condition.parse("[BODY].state == all good");
    assertEquals("all good", ((Literal) condition.right()).value());
    assertTrue(condition.evaluate(CheckResponse.of(200, 1, "{\"state\":\"all good\"}")).success());
  }

  @Test
  void conditionsWithTheSameTextAreEqual() {
    assertEquals(Condition.parse("[STATUS] == 200"), Condition.parse(" [STATUS] == 200"));
    assertEquals("[STATUS] == 200", Condition.parse("[STATUS] == 200").toString());
  }
}
