package io.quorate.probe.check;

import java.util.Map;

/**
 * Keeps a check's header values (they carry credentials such as {@code Authorization: Bearer …}) out of the
 * reasons it reports, whatever produced the text: a library error message may quote a header.
 */
final class Redaction {
  /** Shorter values are not credentials and would garble reasons if masked. */
  private static final int MIN_SECRET = 6;
  static final String MASK = "****";

  private Redaction() {
  }

  static String redact(String text, Map<String, String> headers) {
    String redacted = text;
    for (String value : headers.values()) {
      redacted = mask(redacted, value);
      int space = value.indexOf(' ');
      if (space > 0) {
        redacted = mask(redacted, value.substring(space + 1)); // the token of "Bearer <token>"
      }
    }
    return redacted;
  }

  private static String mask(String text, String secret) {
    String value = secret.strip();
    return value.length() < MIN_SECRET ? text : text.replace(value, MASK);
  }
}
