package io.quorate.probe.check;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A response body as it arrives, up to a cap. Kept only when a condition reads it; otherwise just counted,
 * so checks that judge the status alone hold no body in memory.
 */
final class BoundedBody {
  private final long cap;
  private final Buffer kept;
  private long size;

  BoundedBody(long cap, boolean keep) {
    this.cap = cap;
    this.kept = keep ? Buffer.buffer() : null;
  }

  /** Whether a declared Content-Length is already beyond the cap: no need to read a byte. */
  static boolean declaredOver(String contentLength, long cap) {
    if (contentLength == null) {
      return false;
    }
    try {
      return Long.parseLong(contentLength.strip()) > cap;
    } catch (NumberFormatException e) {
      return false; // not a length: counting while reading still enforces the cap
    }
  }

  /** Adds a chunk; false once the body is larger than the cap (the chunk is then dropped). */
  boolean add(Buffer chunk) {
    size += chunk.length();
    if (size > cap) {
      return false;
    }
    if (kept != null) {
      kept.appendBuffer(chunk);
    }
    return true;
  }

  String text() {
    return kept == null ? "" : kept.toString(StandardCharsets.UTF_8);
  }
}
