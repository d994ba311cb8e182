package io.quorate.condition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reads the labels of a metric placeholder, {@code {queue="critical", vhost="/"}}, up to the end of the operand. */
final class LabelParser {
  private final String operand;
  private final Function<String, ConditionSyntaxException> error;
  private int at;

  private LabelParser(String operand, int start, Function<String, ConditionSyntaxException> error) {
    this.operand = operand;
    this.at = start;
    this.error = error;
  }

  /** @param start the index of the opening brace */
  static List<Placeholder.Label> parse(String operand, int start,
      Function<String, ConditionSyntaxException> error) {
    return new LabelParser(operand, start, error).labels();
  }

  private List<Placeholder.Label> labels() {
    List<Placeholder.Label> labels = new ArrayList<>();
    Set<String> names = new HashSet<>();
    at++;
    while (true) {
      skipSpaces();
      if (peek() == '}') {
        at++;
        break;
      }
      String name = name();
      if (!names.add(name)) {
        throw bad("label " + name + " is given twice");
      }
      skipSpaces();
      expect('=', "expected = after the label " + name + " (only = is supported)");
      skipSpaces();
      labels.add(new Placeholder.Label(name, value(name)));
      skipSpaces();
      if (peek() == ',') {
        at++;
      } else if (peek() != '}') {
        throw bad(at < operand.length() ? "expected , or } after the value of " + name : "missing \"}\"");
      }
    }
    if (at < operand.length()) {
      throw bad("unexpected text after \"}\": " + operand.substring(at));
    }
    return labels;
  }

  private String name() {
    int start = at;
    while (at < operand.length() && isLabelChar(operand.charAt(at), at == start)) {
      at++;
    }
    if (at == start) {
      throw bad(at < operand.length() ? "expected a label name at \"" + operand.substring(at) + "\"" : "missing \"}\"");
    }
    return operand.substring(start, at);
  }

  private String value(String name) {
    expect('"', "the value of " + name + " must be in double quotes, e.g. " + name + "=\"critical\"");
    StringBuilder value = new StringBuilder();
    while (at < operand.length()) {
      char c = operand.charAt(at++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\') {
        value.append(escaped());
      } else {
        value.append(c);
      }
    }
    throw bad("missing closing quote after " + name + "=");
  }

  /** The three escapes label values have in the Prometheus text format. */
  private char escaped() {
    char c = at < operand.length() ? operand.charAt(at++) : ' ';
    return switch (c) {
      case '\\', '"' -> c;
      case 'n' -> '\n';
      default -> throw bad("unknown escape \\" + c + " (use \\\\, \\\" or \\n)");
    };
  }

  private static boolean isLabelChar(char c, boolean first) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || !first && Numbers.isDigit(c);
  }

  private char peek() {
    return at < operand.length() ? operand.charAt(at) : '\0';
  }

  private void expect(char c, String problem) {
    if (peek() != c) {
      throw bad(problem);
    }
    at++;
  }

  private void skipSpaces() {
    while (at < operand.length() && operand.charAt(at) == ' ') {
      at++;
    }
  }

  private ConditionSyntaxException bad(String problem) {
    return error.apply("bad label syntax in " + operand + ": " + problem);
  }
}
