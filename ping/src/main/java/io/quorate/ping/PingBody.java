package io.quorate.ping;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A ping's request body as kept with the ping: at most a configured number of bytes, cut on a character
 * boundary. A fail ping's body is usually the first useful error message, so it is shown as the monitor's
 * last message; longer bodies are cut and the answer says so in {@link #TRUNCATED_HEADER}.
 */
public final class PingBody {
  /** Default cap: 100 KB, as in Healthchecks. */
  public static final int DEFAULT_LIMIT_BYTES = 100 * 1024;
  /** Response header set when the body was cut; its value is the number of bytes kept. */
  public static final String TRUNCATED_HEADER = "Quorate-Body-Truncated";

  private PingBody() {
  }

  /**
   * Decodes at most {@code limit} bytes as UTF-8, dropping a character the cut would split; malformed
   * bytes become U+FFFD.
   */
  public static String decode(byte[] bytes, int length, int limit) {
    int end = Math.min(length, limit);
    if (end < length) {
      end = characterBoundary(bytes, end);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, end));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("decoder set to replace cannot fail", e);
    }
  }

  /** Moves {@code end} back so that it does not fall inside a multi-byte UTF-8 sequence. */
  private static int characterBoundary(byte[] bytes, int end) {
    int i = end;
    while (i > 0 && i > end - 4 && (bytes[i] & 0xC0) == 0x80) {
      i--;
    }
    return i;
  }
}
