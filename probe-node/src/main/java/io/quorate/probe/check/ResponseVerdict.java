package io.quorate.probe.check;

import io.quorate.condition.CheckResponse;
import io.quorate.condition.ConditionResult;
import io.quorate.condition.Conditions;
import io.quorate.condition.Evaluation;
import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.vertx.core.MultiMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges the final response: every condition must pass; a check without conditions needs a 2xx status.
 * Writes outcome, reason, bucket, measured values, condition lines and series into the observation.
 */
final class ResponseVerdict {
  private ResponseVerdict() {
  }

  /** The response as the conditions see it. */
  record Seen(int status, long latencyMs, BoundedBody body, MultiMap headers, long certExpiresInMs, boolean tls) {
  }

  /** Body and headers are only looked at when the check measures something. */
  static void judge(PreparedCheck check, Seen seen, Observation.Builder into) {
    int status = seen.status();
    if (!check.measures()) {
      judgeStatus(status, into);
      return;
    }
    CheckResponse response = new CheckResponse(status, seen.latencyMs(), seen.body().text(), asMap(seen.headers()));
    Evaluation evaluation = Conditions.evaluate(check.conditions(), check.series(),
        seen.tls() ? response.withCertificateExpiresInMs(seen.certExpiresInMs()) : response);
    into.putAllSeries(evaluation.series());
    if (check.conditions().isEmpty()) {
      judgeStatus(status, into);
      return;
    }
    for (ConditionResult result : evaluation.results()) {
      into.addConditions(io.quorate.link.v1.ConditionResult.newBuilder()
          .setCondition(result.condition()).setSuccess(result.success()).setLine(result.line()));
    }
    into.putAllValues(evaluation.values());
    String reason = evaluation.results().stream().filter(r -> !r.success()).map(ConditionResult::line)
        .collect(Collectors.joining("; "));
    outcome(into, evaluation.allPassed(), reason, FailureKinds.forFailedConditions(status, evaluation.failure()));
  }

  private static void judgeStatus(int status, Observation.Builder into) {
    boolean ok = status >= 200 && status < 300;
    into.putValues("[STATUS]", status);
    outcome(into, ok, ok ? "" : "[STATUS] (" + status + ") is not 2xx", FailureKinds.forStatus(status));
  }

  private static Map<String, List<String>> asMap(MultiMap headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String name : headers.names()) {
      map.put(name, headers.getAll(name));
    }
    return map;
  }

  private static void outcome(Observation.Builder into, boolean up, String reason, FailureKind kindIfDown) {
    into.setOutcome(up ? Outcome.OUTCOME_UP : Outcome.OUTCOME_DOWN)
        .setReason(reason)
        .setFailureKind(up ? FailureKind.FAILURE_KIND_UNSPECIFIED : kindIfDown);
  }
}
