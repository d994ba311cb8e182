package io.quorate.condition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads {@code [BODY].a.b[0].c}: the placeholder token, then dotted keys and [n] indexes. */
final class PlaceholderParser {
  private static final String KNOWN = Arrays.stream(Placeholder.Kind.values())
      .map(Placeholder.Kind::token).collect(Collectors.joining(", "));
  private static final String NOT_IN_KEYS = "<>=\"";

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
    Placeholder.Kind kind = Placeholder.Kind.fromToken(token)
        .orElseThrow(() -> error.apply("unknown placeholder " + token + " (use one of " + KNOWN + ")"));
    position = close + 1;
    if (position < operand.length() && kind != Placeholder.Kind.BODY) {
      throw error.apply(token + " takes no path, but is followed by " + operand.substring(position));
    }
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
    return new Placeholder(kind, path);
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
    if (!digits.matches("\\d{1,9}")) {
      throw error.apply("array index must be a whole number such as [0], got [" + digits + "]");
    }
    return new PathSegment.Index(Integer.parseInt(digits));
  }
}
