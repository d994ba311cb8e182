package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final CheckResponse RESPONSE =
      CheckResponse.of(200, 12, "{\"enqueued\": 5234, \"oldest_age_s\": 30}");

  @Test
  void evaluatesEveryConditionInOrder() {
    List<Condition> conditions = Conditions.parseAll(
        List.of("[STATUS] == 200", "[BODY].enqueued < 1000", "[BODY].oldest_age_s < 60"));
    List<ConditionResult> results = Conditions.evaluateAll(conditions, RESPONSE);
    assertEquals(List.of("[STATUS] (200) == 200: passed", "[BODY].enqueued (5234) < 1000: failed",
        "[BODY].oldest_age_s (30) < 60: passed"), results.stream().map(ConditionResult::line).toList());
    assertFalse(Conditions.allPassed(results));
    assertTrue(Conditions.allPassed(List.of()));
  }

  @Test
  void parsesTheBodyAtMostOncePerResponse() {
    ResponseView view = ResponseView.of(RESPONSE);
    for (String text : List.of("[BODY].enqueued < 1000", "[BODY].oldest_age_s < 60", "[BODY].missing == 1")) {
      Condition.parse(text).evaluate(view);
    }
    assertEquals(1, view.parses());
  }

  @Test
  void doesNotParseTheBodyWhenNoConditionLooksIntoIt() {
    ResponseView view = ResponseView.of(CheckResponse.of(200, 12, "not json at all"));
    Condition.parse("[STATUS] == 200").evaluate(view);
    Condition.parse("[BODY] == \"not json at all\"").evaluate(view);
    assertEquals(0, view.parses());
  }

  @Test
  void parseAllStopsAtTheFirstInvalidCondition() {
    ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class,
        () -> Conditions.parseAll(List.of("[STATUS] == 200", "[BODY].n <> 3")));
    assertTrue(e.getMessage().contains("[BODY].n <> 3"), e.getMessage());
  }
}
