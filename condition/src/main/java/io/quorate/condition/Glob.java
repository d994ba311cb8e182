package io.quorate.condition;

import java.util.Objects;

/**
 * {@code pat(run*)}: a pattern on the right-hand side of {@code ==} or {@code !=}. {@code *} matches any run of
 * characters (also none), {@code ?} exactly one; everything else matches itself, case-sensitively.
 *
 * @param text    as written, e.g. {@code pat(run*)}
 * @param pattern the pattern inside the parentheses, unquoted
 */
public record Glob(String text, String pattern) implements Operand {
  public Glob {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(pattern, "pattern");
  }

  @Override
  public Value resolve(ResponseView response) {
    return new Value.Textual(pattern, true);
  }

  /**
   * Whether the whole of {@code value} matches. Greedy with one backtrack point, so it runs in
   * O(length × pattern) at worst, never exponentially; '?' steps over a whole code point.
   */
  public boolean matches(String value) {
    int p = 0;
    int v = 0;
    int star = -1;
    int resume = 0;
    while (v < value.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '?') {
        p++;
        v = next(value, v);
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = v;
      } else if (p < pattern.length() && pattern.charAt(p) == value.charAt(v)) {
        p++;
        v++;
      } else if (star >= 0) {
        p = star + 1;
        resume = next(value, resume);
        v = resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static int next(String value, int at) {
    return at + Character.charCount(value.codePointAt(at));
  }
}
