package io.quorate.condition;

/** Keeps values readable in result lines: one line, bounded length. */
final class Texts {
  static final int MAX_DISPLAY = 80;

  private Texts() {
  }

  static String abbreviate(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_DISPLAY ? oneLine : oneLine.substring(0, MAX_DISPLAY - 1) + "…";
  }

  static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
