package io.quorate.coordinator.status;

/**
 * Escaping for text and attribute values in HTML and SVG. Every string that reaches the status page or a
 * badge passes through {@link #text}; markup is only ever written as constants in this package.
 */
final class Html {
  private Html() {}

  /** Safe in element content and in double- or single-quoted attribute values. */
  static String text(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }
}
