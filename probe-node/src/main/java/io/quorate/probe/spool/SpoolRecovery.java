package io.quorate.probe.spool;

import io.quorate.link.v1.Event;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a spool directory at start: every segment is checked record by record, and whatever follows the
 * last intact record of a segment (a write torn by a crash or power cut) is cut off, so the spool holds
 * only whole events and appends continue after them.
 */
final class SpoolRecovery {
  private static final Logger log = LoggerFactory.getLogger(SpoolRecovery.class);

  /** What was found: the segments in order, and the range and number of events they hold. */
  record Recovered(List<Segment> segments, long firstSeq, long lastSeq, long events, long bytes) {
  }

  private SpoolRecovery() {
  }

  static Recovered recover(Path dir) throws IOException {
    List<Segment> segments = new ArrayList<>();
    long firstSeq = 0;
    long lastSeq = 0;
    long events = 0;
    long bytes = 0;
    for (Path file : segmentFiles(dir)) {
      Segment segment = new Segment(file, Segment.baseSeqOf(file));
      long found = scan(segment);
      if (found == 0) {
        Files.delete(file);
        continue;
      }
      if (firstSeq == 0) {
        firstSeq = firstRecordSeq(segment);
      }
      lastSeq = Math.max(lastSeq, segment.lastSeq);
      events += found;
      bytes += segment.bytes;
      segments.add(segment);
    }
    return new Recovered(segments, firstSeq, lastSeq, events, bytes);
  }

  private static List<Path> segmentFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> Segment.baseSeqOf(file) >= 0)
          .sorted((a, b) -> Long.compare(Segment.baseSeqOf(a), Segment.baseSeqOf(b)))
          .toList();
    }
  }

  /** Counts the segment's intact records, sets its last sequence number and size, and cuts a damaged tail. */
  private static long scan(Segment segment) throws IOException {
    try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      long records = 0;
      Event event;
      while ((event = SpoolRecord.read(map)) != null) {
        segment.lastSeq = event.getSeq();
        records++;
      }
      segment.bytes = map.position();
      if (segment.bytes < size) {
        log.warn("spool segment had a damaged or torn tail, cut it off file={} kept_bytes={} cut_bytes={}",
            segment.path.getFileName(), segment.bytes, size - segment.bytes);
        channel.truncate(segment.bytes);
        channel.force(true);
      }
      return records;
    }
  }

  private static long firstRecordSeq(Segment segment) throws IOException {
    try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ)) {
      Event first = SpoolRecord.read(channel.map(FileChannel.MapMode.READ_ONLY, 0, segment.bytes));
      return first == null ? 0 : first.getSeq();
    }
  }
}
