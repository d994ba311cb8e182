package io.quorate.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads one line of Prometheus text: {@code name{label="value",...} value [timestamp] [# exemplar]}, a
 * comment, or nothing. A scanner over the body in place, without regular expressions or line copies.
 */
final class PrometheusLine {
  private final String text;
  private final int end;
  private int at;

  PrometheusLine(String text, int start, int end) {
    this.text = text;
    this.at = start;
    this.end = end;
  }

  /** Adds the line's sample, if any; false when the line is not valid Prometheus text. */
  boolean read(Map<String, List<PrometheusText.Sample>> samples) {
    skipBlanks();
    if (at == end || text.charAt(at) == '#') {
      return true;
    }
    String name = name();
    if (name == null) {
      return false;
    }
    skipBlanks();
    List<String> labels = new ArrayList<>();
    if (at < end && text.charAt(at) == '{' && !labels(labels)) {
      return false;
    }
    String value = token();
    OptionalDouble number = value == null ? OptionalDouble.empty() : sampleValue(value);
    if (number.isEmpty() || !restIsTimestampOrExemplar()) {
      return false;
    }
    PrometheusText.add(samples, name, labels, number.getAsDouble());
    return true;
  }

  private String name() {
    int start = at;
    while (at < end && isNameChar(text.charAt(at), at == start)) {
      at++;
    }
    return at == start ? null : text.substring(start, at);
  }

  /** A metric name is {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
  static boolean isNameChar(char c, boolean first) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || !first && Numbers.isDigit(c);
  }

  /** {@code {a="1",b="2",}}; the trailing comma is allowed, as the format does. */
  private boolean labels(List<String> labels) {
    at++;
    while (true) {
      skipBlanks();
      if (at < end && text.charAt(at) == '}') {
        at++;
        return true;
      }
      String name = name();
      skipBlanks();
      if (name == null || name.indexOf(':') >= 0 || !expect('=')) {
        return false;
      }
      skipBlanks();
      String value = quoted();
      if (value == null) {
        return false;
      }
      labels.add(name);
      labels.add(value);
      skipBlanks();
      if (at < end && text.charAt(at) == ',') {
        at++;
      } else if (at >= end || text.charAt(at) != '}') {
        return false;
      }
    }
  }

  /** A label value: {@code "..."} with {@code \\}, {@code \"} and {@code \n} escapes. */
  private String quoted() {
    if (!expect('"')) {
      return null;
    }
    StringBuilder value = new StringBuilder();
    while (at < end) {
      char c = text.charAt(at++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\' && at < end) {
        char escaped = text.charAt(at++);
        value.append(escaped == 'n' ? '\n' : escaped);
      } else {
        value.append(c);
      }
    }
    return null;
  }

  /** After the value: nothing, a timestamp, and/or an OpenMetrics exemplar starting with '#'. */
  private boolean restIsTimestampOrExemplar() {
    if (at < end && text.charAt(at) != '#') {
      String timestamp = token();
      if (timestamp == null || !Numbers.isDecimal(timestamp, 0, timestamp.length())) {
        return false;
      }
    }
    return at == end || text.charAt(at) == '#';
  }

  /** The next run of non-blank characters, and the blanks after it. */
  private String token() {
    skipBlanks();
    int start = at;
    while (at < end && !isBlank(text.charAt(at))) {
      at++;
    }
    String token = at == start ? null : text.substring(start, at);
    skipBlanks();
    return token;
  }

  /** A sample value: a decimal, or NaN, +Inf, -Inf as the format writes them (any case, as Go reads them). */
  private static OptionalDouble sampleValue(String token) {
    if (Numbers.isDecimal(token, 0, token.length())) {
      return OptionalDouble.of(Double.parseDouble(token));
    }
    if (token.equalsIgnoreCase("NaN")) {
      return OptionalDouble.of(Double.NaN);
    }
    if (token.equalsIgnoreCase("+Inf") || token.equalsIgnoreCase("Inf")) {
      return OptionalDouble.of(Double.POSITIVE_INFINITY);
    }
    return token.equalsIgnoreCase("-Inf") ? OptionalDouble.of(Double.NEGATIVE_INFINITY) : OptionalDouble.empty();
  }

  private boolean expect(char c) {
    if (at < end && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void skipBlanks() {
    while (at < end && isBlank(text.charAt(at))) {
      at++;
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
