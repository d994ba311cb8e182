package io.quorate.condition;

/** Keeps values readable in result lines: one line, bounded length. */
final class Texts {
  static final int MAX_DISPLAY = 80;

  private Texts() {
  }

  /** Whitespace runs become one space, and long text is cut with an ellipsis. No regex: runs per check. */
  static String abbreviate(String text) {
    StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_DISPLAY + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && line.length() <= MAX_DISPLAY; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = line.length() > 0;
      } else {
        if (space) {
          line.append(' ');
          space = false;
        }
        line.append(c);
      }
    }
    return line.length() <= MAX_DISPLAY ? line.toString() : line.substring(0, MAX_DISPLAY - 1) + "…";
  }

  static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
