package io.quorate.probe.check;

import io.quorate.condition.Condition;
import io.quorate.condition.ConditionSyntaxException;
import io.quorate.condition.Conditions;
import io.quorate.condition.Operand;
import io.quorate.condition.Series;
import io.quorate.link.v1.HttpCheck;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A check ready to run many times: its conditions and series parsed and its request validated once per check
 * version, when it is assigned, instead of on every run. Holds little beyond the spec itself, since a probe
 * keeps one per monitor.
 *
 * @param needsBody     false when no condition or series reads the body, so runs count its bytes without
 *                      keeping them
 * @param invalidReason why the check cannot run (every run reports it as INVALID_CHECK), or null
 */
public record PreparedCheck(HttpCheck spec, List<Condition> conditions, Series series, boolean needsBody,
    String invalidReason) {
  public static final long DEFAULT_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
  /** Placeholders known not to look at the body; anything else (a new kind included) keeps it. */
  private static final List<String> WITHOUT_BODY =
      List.of("[STATUS]", "[RESPONSE_TIME]", "[CERTIFICATE_EXPIRATION]");

  public static PreparedCheck of(HttpCheck spec) {
    List<Condition> conditions;
    Series series;
    try {
      conditions = Conditions.parseAll(spec.getConditionsList());
      series = Series.parse(spec.getSeriesMap());
    } catch (ConditionSyntaxException e) {
      return invalid(spec, "invalid condition or series: " + e.getMessage());
    }
    String invalid = invalidRequest(spec);
    if (invalid != null) {
      return invalid(spec, invalid);
    }
    Stream<String> operands = Stream.concat(conditions.stream().flatMap(c -> Stream.of(c.left(), c.right()))
        .map(Operand::text), series.expressions().values().stream());
    return new PreparedCheck(spec, conditions, series, operands.anyMatch(PreparedCheck::mayReadBody), null);
  }

  private static PreparedCheck invalid(HttpCheck spec, String reason) {
    return new PreparedCheck(spec, List.of(), Series.EMPTY, false, reason);
  }

  /** The whole run's deadline, redirects included. */
  public long timeoutMs() {
    return spec.getTimeoutMs() > 0 ? spec.getTimeoutMs() : DEFAULT_TIMEOUT_MS;
  }

  public long maxBodyBytes() {
    return spec.getMaxBodyBytes() > 0 ? spec.getMaxBodyBytes() : DEFAULT_MAX_BODY_BYTES;
  }

  /** Whether the check measures anything beyond the status (conditions or series). */
  public boolean measures() {
    return !conditions.isEmpty() || !series.expressions().isEmpty();
  }

  /**
   * Judged on the operand's text, not its class, so it keeps working as the condition language grows: a
   * literal has no placeholder ({@code [}), and only the placeholders listed are known to ignore the body.
   */
  private static boolean mayReadBody(String operand) {
    String text = operand.strip();
    return text.contains("[") && !WITHOUT_BODY.contains(text) && !text.startsWith("[HEADER]");
  }

  /** What makes the request impossible to send; header values are never quoted: they hold credentials. */
  private static String invalidRequest(HttpCheck spec) {
    try {
      HttpUrl.parse(spec.getUrl());
    } catch (IllegalArgumentException e) {
      return "invalid URL: " + e.getMessage();
    }
    if (!spec.getMethod().isBlank() && !TOKEN.matcher(spec.getMethod().strip()).matches()) {
      return "invalid method \"" + cut(spec.getMethod(), 40) + "\"";
    }
    for (Map.Entry<String, String> header : spec.getHeadersMap().entrySet()) {
      if (!TOKEN.matcher(header.getKey()).matches()) {
        return "invalid header name \"" + cut(header.getKey(), 40) + "\"";
      }
      if (header.getValue().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
        return "invalid header " + header.getKey() + ": its value contains a line break or control character";
      }
    }
    return null;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
