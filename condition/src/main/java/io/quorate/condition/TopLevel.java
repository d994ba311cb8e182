package io.quorate.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds structure at the top level of a condition, outside double quotes and outside {@code [] () {}}: the
 * operator of {@code [METRIC].x{q="a"} < 3}, the items of {@code any(a, "b, c")}. Parse time only.
 */
final class TopLevel {
  static final String OPERATOR_CHARS = "<>=!";
  private static final String OPENERS = "[({";
  private static final String CLOSERS = "])}";

  private TopLevel() {
  }

  /**
   * Index of the first operator character at the top level, or -1 when there is none.
   *
   * @throws ConditionSyntaxException when a quote or bracket before the operator is never closed
   */
  static int operatorStart(String text, Function<String, ConditionSyntaxException> error) {
    int[] depth = new int[OPENERS.length()];
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (!track(c, depth) && isTop(depth) && OPERATOR_CHARS.indexOf(c) >= 0) {
        return i;
      }
    }
    if (quoted) {
      throw error.apply("missing closing quote");
    }
    for (int kind = 0; kind < depth.length; kind++) {
      if (depth[kind] > 0) {
        throw error.apply("missing \"" + CLOSERS.charAt(kind) + "\"");
      }
    }
    return -1;
  }

  /** The pieces of {@code text} between top-level commas, not stripped. */
  static List<String> splitCommas(String text) {
    List<String> items = new ArrayList<>();
    int[] depth = new int[OPENERS.length()];
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (!track(c, depth) && isTop(depth) && c == ',') {
        items.add(text.substring(start, i));
        start = i + 1;
      }
    }
    items.add(text.substring(start));
    return items;
  }

  /** Index of the ')' that closes the '(' at {@code open}, skipping quoted text, or -1. */
  static int closingParenthesis(String text, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Counts brackets; true when {@code c} is one. A stray closer is tolerated here so that the operand parser
   * can name it in context ({@code unexpected "]" in a]b}).
   */
  private static boolean track(char c, int[] depth) {
    int open = OPENERS.indexOf(c);
    if (open >= 0) {
      depth[open]++;
      return true;
    }
    int close = CLOSERS.indexOf(c);
    if (close >= 0) {
      depth[close] = Math.max(0, depth[close] - 1);
      return true;
    }
    return false;
  }

  private static boolean isTop(int[] depth) {
    for (int d : depth) {
      if (d > 0) {
        return false;
      }
    }
    return true;
  }
}
