package io.quorate.probe.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.Event;
import io.quorate.link.v1.HeartbeatPing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool's files as a crash or a restart leaves them. */
class SpoolTest {
  private static final long MAX = 64L * 1024 * 1024;

  @TempDir
  Path dir;

  private static Event ping(long seq) {
    return Event.newBuilder().setSeq(seq).setEventId("node:" + seq)
        .setPing(HeartbeatPing.newBuilder().setPingId("p" + seq).setReceivedAtMs(1_000 + seq).setBody("done " + seq))
        .build();
  }

  private static List<Event> pings(long from, long to) {
    List<Event> events = new ArrayList<>();
    for (long seq = from; seq <= to; seq++) {
      events.add(ping(seq));
    }
    return events;
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted().toList();
    }
  }

  @Test
  void eventsWrittenAreReadBackAfterAReopenExactlyAsWritten() throws IOException {
    try (Spool spool = Spool.open(dir, MAX, 1024)) {
      spool.write(pings(1, 50)).join();
      spool.write(pings(51, 100)).join();
    }
    try (Spool reopened = Spool.open(dir, MAX, 1024)) {
      assertEquals(100, reopened.recoveredEvents());
      assertEquals(1, reopened.recoveredFirstSeq());
      assertEquals(100, reopened.recoveredLastSeq());
      assertTrue(segmentFiles().size() > 1, "small segments roll over");
      List<Event> all = new ArrayList<>(reopened.read(1, 100, 60).join());
      all.addAll(reopened.read(61, 100, 60).join());
      assertEquals(pings(1, 100), all);
    }
  }

  @Test
  void aTornLastRecordIsCutAndAppendsContinueAfterTheIntactOnes() throws IOException {
    try (Spool spool = Spool.open(dir, MAX, Spool.DEFAULT_SEGMENT_BYTES)) {
      spool.write(pings(1, 3)).join();
    }
    Path segment = segmentFiles().get(0);
    long intact = Files.size(segment);
    byte[] fourth = ping(4).toByteArray();
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
      ByteBuffer torn = ByteBuffer.allocate(8 + fourth.length / 2);
      torn.putInt(fourth.length).putInt(12345).put(fourth, 0, fourth.length / 2).flip();
      channel.write(torn);
    }
    try (Spool reopened = Spool.open(dir, MAX, Spool.DEFAULT_SEGMENT_BYTES)) {
      assertEquals(3, reopened.recoveredEvents(), "the torn fourth record is not an event");
      assertEquals(intact, Files.size(segment), "the torn bytes are gone from the file");
      reopened.write(pings(4, 5)).join();
      assertEquals(pings(1, 5), reopened.read(1, 5, 10).join());
    }
  }

  @Test
  void aRecordWithAWrongChecksumEndsTheSegmentThere() throws IOException {
    try (Spool spool = Spool.open(dir, MAX, Spool.DEFAULT_SEGMENT_BYTES)) {
      spool.write(pings(1, 3)).join();
    }
    Path segment = segmentFiles().get(0);
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length - 2] ^= 0x5A;
    Files.write(segment, bytes);
    try (Spool reopened = Spool.open(dir, MAX, Spool.DEFAULT_SEGMENT_BYTES)) {
      assertEquals(2, reopened.recoveredEvents());
      assertEquals(pings(1, 2), reopened.read(1, 3, 10).join());
    }
  }

  @Test
  void acknowledgedSegmentsAreDeletedAndTheirBytesNoLongerCount() throws IOException {
    try (Spool spool = Spool.open(dir, MAX, 512)) {
      for (long seq = 1; seq <= 60; seq += 10) {
        spool.write(pings(seq, seq + 9)).join();
      }
      int before = segmentFiles().size();
      long bytesBefore = spool.bytes();
      spool.deleteThrough(30);
      spool.read(31, 60, 1).join();
      assertTrue(segmentFiles().size() < before, "segments up to seq 30 deleted");
      assertTrue(spool.bytes() < bytesBefore);
      assertEquals(pings(31, 60), spool.read(31, 60, 100).join(), "everything after the ack is still there");
    }
  }

  @Test
  void aSecondProbeNodeCannotUseTheSameSpool() throws IOException {
    try (Spool first = Spool.open(dir, MAX, Spool.DEFAULT_SEGMENT_BYTES)) {
      IOException refused = assertThrows(IOException.class, () -> Spool.open(dir, MAX, Spool.DEFAULT_SEGMENT_BYTES));
      assertTrue(refused.getMessage().contains("in use by another probe node"), refused.getMessage());
    }
    Spool.open(dir, MAX, Spool.DEFAULT_SEGMENT_BYTES).close();
  }

  @Test
  void theNodeIdIsKeptNextToTheSpool() throws IOException {
    assertTrue(NodeIdFile.read(dir).isEmpty());
    NodeIdFile.write(dir, "eu-west-3f2a9c01");
    assertEquals("eu-west-3f2a9c01", NodeIdFile.read(dir).orElseThrow());
  }
}
