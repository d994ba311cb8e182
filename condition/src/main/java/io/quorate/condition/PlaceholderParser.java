package io.quorate.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a placeholder: the token ({@code [BODY]}, {@code [HEADER]}, ...) and what follows it: a JSON path of
 * dotted keys and [n] indexes, a header name, or a metric name with labels.
 */
final class PlaceholderParser {
  static final String KNOWN = "[STATUS], [RESPONSE_TIME], [BODY], [HEADER], [METRIC], [CERTIFICATE_EXPIRATION]";
  private static final String NOT_IN_KEYS = "<>=\"(){}";
  /** RFC 9110 token characters, which a header name is made of (less '!', the start of the != operator). */
  private static final String HEADER_PUNCTUATION = "#$%&'*+-.^_`|~";

  private final String operand;
  private final Function<String, ConditionSyntaxException> error;
  private int position;

  private PlaceholderParser(String operand, Function<String, ConditionSyntaxException> error) {
    this.operand = operand;
    this.error = error;
  }

  static Placeholder parse(String operand, Function<String, ConditionSyntaxException> error) {
    return new PlaceholderParser(operand, error).parse();
  }

  private Placeholder parse() {
    int close = operand.indexOf(']');
    if (close < 0) {
      throw error.apply("missing \"]\" in " + operand);
    }
    String token = operand.substring(0, close + 1);
    position = close + 1;
    return switch (token) {
      case "[STATUS]" -> alone(token, new Placeholder.Status());
      case "[RESPONSE_TIME]" -> alone(token, new Placeholder.ResponseTime());
      case "[CERTIFICATE_EXPIRATION]" -> alone(token, new Placeholder.CertificateExpiration());
      case "[BODY]" -> new Placeholder.Body(path());
      case "[HEADER]" -> new Placeholder.Header(headerName());
      case "[METRIC]" -> metric();
      default -> throw error.apply("unknown placeholder " + token + " (use one of " + KNOWN + ")");
    };
  }

  private Placeholder alone(String token, Placeholder placeholder) {
    if (position < operand.length()) {
      throw error.apply(token + " takes no path, but is followed by " + operand.substring(position));
    }
    return placeholder;
  }

  private List<PathSegment> path() {
    List<PathSegment> path = new ArrayList<>();
    while (position < operand.length()) {
      char c = operand.charAt(position);
      if (c == '.') {
        path.add(key());
      } else if (c == '[') {
        path.add(index());
      } else {
        throw error.apply("expected \".\" or \"[\" after " + operand.substring(0, position) + ", got \""
            + operand.substring(position) + "\"");
      }
    }
    return path;
  }

  private PathSegment key() {
    int start = ++position;
    while (position < operand.length() && operand.charAt(position) != '.' && operand.charAt(position) != '[') {
      char c = operand.charAt(position);
      if (Character.isWhitespace(c) || c == ']' || NOT_IN_KEYS.indexOf(c) >= 0) {
        throw error.apply("unexpected \"" + c + "\" in the path " + operand);
      }
      position++;
    }
    if (position == start) {
      throw error.apply("empty key in the path " + operand);
    }
    return new PathSegment.Key(operand.substring(start, position));
  }

  private PathSegment index() {
    int close = operand.indexOf(']', position);
    if (close < 0) {
      throw error.apply("missing \"]\" in the path " + operand);
    }
    String digits = operand.substring(position + 1, close);
    position = close + 1;
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> Numbers.isDigit((char) c))) {
      throw error.apply("array index must be a whole number such as [0], got [" + digits + "]");
    }
    return new PathSegment.Index(Integer.parseInt(digits));
  }

  private String headerName() {
    if (position + 1 >= operand.length() || operand.charAt(position) != '.') {
      throw error.apply("[HEADER] needs a header name, e.g. [HEADER].X-Queue-Depth");
    }
    String name = operand.substring(position + 1);
    for (char c : name.toCharArray()) {
      if (!(c < 128 && Character.isLetterOrDigit(c)) && HEADER_PUNCTUATION.indexOf(c) < 0) {
        throw error.apply("unexpected \"" + c + "\" in the header name " + operand);
      }
    }
    return name;
  }

  private Placeholder metric() {
    if (position >= operand.length() || operand.charAt(position) != '.') {
      throw error.apply("[METRIC] needs a metric name, e.g. [METRIC].sidekiq_queue_latency{queue=\"default\"}");
    }
    int start = ++position;
    while (position < operand.length() && PrometheusLine.isNameChar(operand.charAt(position), position == start)) {
      position++;
    }
    String name = operand.substring(start, position);
    if (name.isEmpty() || position < operand.length() && operand.charAt(position) != '{') {
      String found = position < operand.length() ? "\"" + operand.charAt(position) + "\"" : "nothing";
      throw error.apply("expected a metric name (letters, digits, _ and :) in " + operand + ", found " + found);
    }
    List<Placeholder.Label> labels = position < operand.length()
        ? LabelParser.parse(operand, position, error) : List.of();
    return new Placeholder.Metric(name, labels);
  }
}
