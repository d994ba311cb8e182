package io.quorate.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.condition.ConditionResult;
import io.quorate.link.v1.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureKindsTest {

  @ParameterizedTest(name = "{0}: without conditions {1}, with a breached condition {2}")
  @CsvSource({
      "401, FAILURE_KIND_HTTP_CREDENTIALS, FAILURE_KIND_HTTP_CREDENTIALS",
      "403, FAILURE_KIND_HTTP_CREDENTIALS, FAILURE_KIND_HTTP_CREDENTIALS",
      "500, FAILURE_KIND_HTTP_5XX,         FAILURE_KIND_HTTP_5XX",
      "503, FAILURE_KIND_HTTP_5XX,         FAILURE_KIND_HTTP_5XX",
      "599, FAILURE_KIND_HTTP_5XX,         FAILURE_KIND_HTTP_5XX",
      "404, FAILURE_KIND_HTTP_STATUS,      FAILURE_KIND_CONDITION_BREACHED",
      "302, FAILURE_KIND_HTTP_STATUS,      FAILURE_KIND_CONDITION_BREACHED",
      "429, FAILURE_KIND_HTTP_STATUS,      FAILURE_KIND_CONDITION_BREACHED",
      "200, FAILURE_KIND_HTTP_STATUS,      FAILURE_KIND_CONDITION_BREACHED"})
  void putsWhatAPersonNeedsToKnowFirst(int status, FailureKind withoutConditions, FailureKind withFailedCondition) {
    assertEquals(withoutConditions, FailureKinds.forStatus(status));
    assertEquals(withFailedCondition, FailureKinds.forFailedConditions(status, ConditionResult.Failure.BREACHED));
  }

  @ParameterizedTest(name = "{0} on 200 is {1}, on 503 still http_5xx")
  @CsvSource({
      "BREACHED,      FAILURE_KIND_CONDITION_BREACHED",
      "FIELD_MISSING, FAILURE_KIND_FIELD_MISSING",
      "UNPARSABLE,    FAILURE_KIND_BODY_UNPARSABLE",
      "TYPE_MISMATCH, FAILURE_KIND_BODY_UNPARSABLE"})
  void saysHowTheFirstFailedConditionFailed(ConditionResult.Failure failure, FailureKind expected) {
    assertEquals(expected, FailureKinds.forFailedConditions(200, failure));
    assertEquals(FailureKind.FAILURE_KIND_HTTP_5XX, FailureKinds.forFailedConditions(503, failure),
        "a broken service says more than the field it did not send");
  }
}
