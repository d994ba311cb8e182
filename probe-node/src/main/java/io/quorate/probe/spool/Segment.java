package io.quorate.probe.spool;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One segment file of the spool: events appended in sequence order, named after the first sequence number
 * it was opened for. Only the spool's own thread touches it.
 */
final class Segment {
  private static final Pattern NAME = Pattern.compile("segment-(\\d{20})\\.spool");

  final Path path;
  /** The sequence number the file was opened for; its first record's may be higher. */
  final long baseSeq;
  /** Sequence number of the last record in the file, 0 while empty. */
  long lastSeq;
  /** Bytes of whole records in the file. */
  long bytes;

  Segment(Path path, long baseSeq) {
    this.path = path;
    this.baseSeq = baseSeq;
  }

  static Path pathFor(Path dir, long baseSeq) {
    return dir.resolve(String.format("segment-%020d.spool", baseSeq));
  }

  /** The base sequence number in a segment file's name, or -1 when the name is not a segment's. */
  static long baseSeqOf(Path file) {
    Matcher matcher = NAME.matcher(file.getFileName().toString());
    return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
  }
}
