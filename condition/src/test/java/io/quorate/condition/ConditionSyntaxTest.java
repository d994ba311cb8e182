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

  @ParameterizedTest(name = "{0}  →  {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      [BODY].x <<< 3          | unknown operator "<<<" (use one of ==, !=, <, <=, >, >=)
      [STATUS] = 200          | unknown operator "=" (use one of ==, !=, <, <=, >, >=)
      [STATUS] => 200         | unknown operator "=>" (use one of ==, !=, <, <=, >, >=)
      [STATUS] <> 200         | unknown operator "<>" (use one of ==, !=, <, <=, >, >=)
      [STATUS] === 200        | unknown operator "===" (use one of ==, !=, <, <=, >, >=)
      [STATUS] ! 200          | unknown operator "!" (use one of ==, !=, <, <=, >, >=)
      [STATUS] 200            | missing operator (use one of ==, !=, <, <=, >, >=)
      [STATUS]                | missing operator (use one of ==, !=, <, <=, >, >=)
      [STATUS] ==             | nothing on the right of "=="
      == 200                  | nothing on the left of "=="
      [FOO] == 1              | unknown placeholder [FOO] (use one of [STATUS], [RESPONSE_TIME], [BODY])
      [status] == 200         | unknown placeholder [status] (use one of [STATUS], [RESPONSE_TIME], [BODY])
      [CONNECTED] == true     | unknown placeholder [CONNECTED] (use one of [STATUS], [RESPONSE_TIME], [BODY])
      [STATUS].code == 200    | [STATUS] takes no path, but is followed by .code
      [RESPONSE_TIME][0] < 5  | [RESPONSE_TIME] takes no path, but is followed by [0]
      [BODY]. == 1            | empty key in the path [BODY].
      [BODY].a..b == 1        | empty key in the path [BODY].a..b
      [BODY].a[x] == 1        | array index must be a whole number such as [0], got [x]
      [BODY].a[-1] == 1       | array index must be a whole number such as [0], got [-1]
      [BODY].a[] == 1         | array index must be a whole number such as [0], got []
      [BODY].a[1 == 1         | missing "]"
      [BODY enqueued < 3      | missing "]"
      [BODY]enqueued < 3      | expected "." or "[" after [BODY], got "enqueued"
      [BODY].a b == 1         | unexpected " " in the path [BODY].a b
      [BODY].x < abc          | "<" compares numbers, but abc is not a number
      [BODY].x >= "5"         | ">=" compares numbers, but "5" is not a number
      ok <= [STATUS]          | "<=" compares numbers, but ok is not a number
      1 == 1                  | compares two constants; one side must be [STATUS], [RESPONSE_TIME] or [BODY]
      ok == "ok"              | compares two constants; one side must be [STATUS], [RESPONSE_TIME] or [BODY]
      [BODY].x == "abc        | missing closing quote in "abc
      [BODY].x == "a" b       | unexpected text after the closing quote: b
      [BODY].x == a]b         | unexpected "]" in a]b (put text in double quotes)
      [BODY].x == == 3        | unexpected "=" in == 3 (put text in double quotes)
      """)
  void refusesInvalidConditionsWithAMessageNamingConditionAndProblem(String condition, String problem) {
    ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class, () -> Condition.parse(condition));
    assertEquals(problem, e.problem());
    assertEquals("condition \"" + condition + "\": " + problem, e.getMessage());
    assertEquals(condition, e.condition());
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
    assertEquals(new Placeholder(Placeholder.Kind.BODY, List.of(new PathSegment.Key("queues"),
        new PathSegment.Index(0), new PathSegment.Key("depth"))), condition.left());
    assertEquals(Operator.LESS, condition.operator());
    assertEquals(new Literal("-1.5", "-1.5", -1.5), condition.right());
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
