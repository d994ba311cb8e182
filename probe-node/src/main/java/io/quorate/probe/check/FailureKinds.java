package io.quorate.probe.check;

import io.quorate.condition.ConditionResult;
import io.quorate.link.v1.FailureKind;

/**
 * The bucket of a run that got a response but is down. What a person needs to know first wins: a wrong
 * token (401/403) or a broken service (5xx) says more than "a condition failed", even when it was a
 * condition that turned the run down.
 */
final class FailureKinds {
  private FailureKinds() {
  }

  /** A check without conditions got a status outside 2xx. */
  static FailureKind forStatus(int status) {
    FailureKind serious = serious(status);
    return serious != null ? serious : FailureKind.FAILURE_KIND_HTTP_STATUS;
  }

  /**
   * At least one condition failed on a response with this status; {@code first} is how the first failed
   * condition failed. A field that is missing or a body that does not parse is a different problem from a
   * queue that is too deep, and the person reading the alert should see which one it is.
   */
  static FailureKind forFailedConditions(int status, ConditionResult.Failure first) {
    FailureKind serious = serious(status);
    if (serious != null) {
      return serious;
    }
    return switch (first) {
      case FIELD_MISSING -> FailureKind.FAILURE_KIND_FIELD_MISSING;
      // Text where a number belongs means the body is not what the condition can read.
      case UNPARSABLE, TYPE_MISMATCH -> FailureKind.FAILURE_KIND_BODY_UNPARSABLE;
      case BREACHED, NONE -> FailureKind.FAILURE_KIND_CONDITION_BREACHED;
    };
  }

  private static FailureKind serious(int status) {
    if (status == 401 || status == 403) {
      return FailureKind.FAILURE_KIND_HTTP_CREDENTIALS;
    }
    if (status >= 500 && status <= 599) {
      return FailureKind.FAILURE_KIND_HTTP_5XX;
    }
    return null;
  }
}
