package io.quorate.local;

/** The little HTML the demo services write by hand. */
final class Html {
  static final String STYLE = "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;"
      + "padding:0 1rem;color:#1b1f24}code,pre{font-family:ui-monospace,monospace;font-size:.9em}"
      + "pre{background:#eef1f5;padding:.75rem;overflow-x:auto}table{border-collapse:collapse;width:100%}"
      + "td,th{border-bottom:1px solid #d5dae1;padding:.4rem;text-align:left;vertical-align:top}"
      + ".down{color:#8f1616;font-weight:600}.up{color:#0a5027;font-weight:600}"
      + "button{font:inherit;padding:.35rem .9rem;margin-right:.5rem}label{display:block;margin:.25rem 0}</style>";

  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String page(String title, String body) {
    return page(title, "", body);
  }

  /** {@code head} is trusted markup written by the launcher, never text from a request. */
  static String page(String title, String head, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title>"
        + STYLE + "</head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
  }
}
