package io.quorate.coordinator.heartbeat;

import io.quorate.condition.CheckResponse;
import io.quorate.condition.ConditionResult;
import io.quorate.condition.Conditions;
import io.quorate.coordinator.monitor.HeartbeatSpec;
import io.quorate.link.v1.HeartbeatPing;
import io.quorate.link.v1.PingKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * What a ping means for its monitor: its kind as stored ({@code success}, {@code start}, {@code fail},
 * {@code log}), and for a completion that failed, why. A fail ping's reason is its exit status and the
 * first line of its body: the first useful error, which retries usually bury. A success ping whose JSON
 * body breaks one of the monitor's conditions (the watchdog pattern) counts as a failure too.
 */
final class PingClassifier {
  private static final int REASON_MAX_CHARS = 300;

  private PingClassifier() {}

  /** @param conditions the conditions checked, with their lines; empty when none applied */
  record Classified(String kind, String failure, JsonArray conditions) {
    boolean completion() {
      return "success".equals(kind) || "fail".equals(kind);
    }

    boolean failed() {
      return "fail".equals(kind) || !failure.isEmpty();
    }
  }

  static Classified classify(HeartbeatPing ping, HeartbeatSpec spec) {
    String kind = kind(ping);
    return switch (kind) {
      case "fail" -> new Classified(kind, failReason(ping), new JsonArray());
      case "success" -> checkConditions(ping.getBody(), spec.conditions());
      default -> new Classified(kind, "", new JsonArray());
    };
  }

  static String kind(HeartbeatPing ping) {
    if (ping.hasExitStatus()) {
      return ping.getExitStatus() == 0 ? "success" : "fail";
    }
    return ping.getKind() == PingKind.PING_KIND_UNSPECIFIED || ping.getKind() == PingKind.UNRECOGNIZED
        ? "success" : ping.getKind().name().substring("PING_KIND_".length()).toLowerCase(Locale.ROOT);
  }

  private static String failReason(HeartbeatPing ping) {
    String status = ping.hasExitStatus() ? "exit status " + ping.getExitStatus() : "";
    String line = firstLine(ping.getBody());
    if (status.isEmpty()) {
      return line.isEmpty() ? "fail ping" : line;
    }
    return line.isEmpty() ? status : status + ": " + line;
  }

  private static Classified checkConditions(String body, List<String> conditions) {
    if (conditions.isEmpty()) {
      return new Classified("success", "", new JsonArray());
    }
    // The conditions were validated when the monitor was saved; a body that is not JSON fails them by line.
    List<ConditionResult> results = Conditions.evaluateAll(Conditions.parseAll(conditions), CheckResponse.of(200, 0, body));
    JsonArray lines = new JsonArray();
    results.forEach(r -> lines.add(new JsonObject().put("condition", r.condition()).put("success", r.success())
        .put("line", r.line())));
    String failure = String.join("; ", results.stream().filter(r -> !r.success()).map(ConditionResult::line).toList());
    return new Classified("success", cut(failure), lines);
  }

  /** The first non-blank line, cut to a length that fits an alert. */
  static String firstLine(String body) {
    return body.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().map(PingClassifier::cut).orElse("");
  }

  private static String cut(String text) {
    return text.length() <= REASON_MAX_CHARS ? text : text.substring(0, REASON_MAX_CHARS - 1) + "…";
  }
}
