package io.quorate.probe.spool;

import io.quorate.link.v1.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe node's durable log of events: a directory of segment files, each a run of
 * {@link SpoolRecord checksummed records}. A ping is answered 200 only once its event is here and fsynced.
 *
 * <p>All file work happens on one thread of the spool's own, never on an event loop: {@link #write} appends
 * a batch and fsyncs once for all of it (group commit: the caller batches whatever arrived while the last
 * fsync ran), {@link #read} reads events back for a replay, {@link #deleteThrough} removes segments the
 * coordinator has acknowledged. Because one thread does all three, a read never sees a half-written record.
 *
 * <p>At {@link #open} the directory is locked (one probe node per spool) and recovered: torn tails are cut
 * and {@link #recovered()} says which events wait to be sent again. New events always go to a new segment.
 */
public final class Spool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Spool.class);
  public static final long DEFAULT_SEGMENT_BYTES = 16L * 1024 * 1024;

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final SpoolLock lock;
  private final SpoolRecovery.Recovered recovered;
  private final ExecutorService thread;
  /** Segments by base sequence number, oldest first. Spool thread only. */
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private final ReadCursor cursor = new ReadCursor();
  private Segment active;
  private FileChannel activeChannel;
  private volatile long bytes;

  private Spool(Path dir, long maxBytes, long segmentBytes, SpoolLock lock, SpoolRecovery.Recovered recovered) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
    this.lock = lock;
    this.recovered = recovered;
    recovered.segments().forEach(segment -> segments.put(segment.baseSeq, segment));
    this.bytes = recovered.bytes();
    this.thread = Executors.newSingleThreadExecutor(runnable -> {
      Thread t = new Thread(runnable, "quorate-spool");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Locks and recovers {@code dir} (created when missing). Blocking: call it off the event loop.
   *
   * @throws IOException when the directory cannot be used, e.g. another probe node holds it
   */
  public static Spool open(Path dir, long maxBytes, long segmentBytes) throws IOException {
    Files.createDirectories(dir);
    SpoolLock lock = SpoolLock.acquire(dir);
    try {
      SpoolRecovery.Recovered recovered = SpoolRecovery.recover(dir);
      if (recovered.events() > 0) {
        log.info("spool recovered events={} first_seq={} last_seq={} bytes={} dir={}", recovered.events(),
            recovered.firstSeq(), recovered.lastSeq(), recovered.bytes(), dir);
      }
      return new Spool(dir, maxBytes, segmentBytes, lock, recovered);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Sequence numbers and count of the events found at {@link #open}: not known to be acknowledged. */
  public long recoveredFirstSeq() {
    return recovered.firstSeq();
  }

  public long recoveredLastSeq() {
    return recovered.lastSeq();
  }

  public long recoveredEvents() {
    return recovered.events();
  }

  /** Bytes in segment files now. */
  public long bytes() {
    return bytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Appends {@code events} (in sequence order) and fsyncs. The future completes on the spool thread once
   * they are durable, or fails with nothing of the batch left in the file.
   */
  public CompletableFuture<Void> write(List<Event> events) {
    return CompletableFuture.runAsync(() -> {
      try {
        append(events);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, thread);
  }

  /**
   * Reads back durable events with sequence numbers from {@code fromSeq} to {@code toSeq}, at most
   * {@code maxEvents}, in order. Sequential reads continue where the last one stopped.
   */
  public CompletableFuture<List<Event>> read(long fromSeq, long toSeq, int maxEvents) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return cursor.read(fromSeq, toSeq, maxEvents);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, thread);
  }

  /**
   * Removes every segment whose events all have sequence numbers up to {@code seq}, the one being appended
   * to included (the next write opens a new one), so an acknowledged spool takes no space.
   */
  public void deleteThrough(long seq) {
    thread.execute(() -> {
      for (Segment segment : List.copyOf(segments.values())) {
        if (segment.lastSeq <= seq && (segment != active || closeActive())) {
          delete(segment);
        }
      }
    });
  }

  private boolean closeActive() {
    try {
      activeChannel.close();
    } catch (IOException e) {
      log.warn("spool segment not closed file={} error={}", active.path, e.toString());
    }
    activeChannel = null;
    active = null;
    return true;
  }

  /** Segments small enough that acknowledged ones free space well before a small spool is full. */
  public static long segmentBytesFor(long maxBytes) {
    return Math.max(64 * 1024, Math.min(DEFAULT_SEGMENT_BYTES, maxBytes / 8));
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("spool thread did not finish within 10 s dir={}", dir);
      }
      if (activeChannel != null) {
        activeChannel.close();
      }
      lock.close();
    } catch (IOException e) {
      log.warn("spool not closed cleanly dir={} error={}", dir, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void append(List<Event> events) throws IOException {
    if (events.isEmpty()) {
      return;
    }
    if (active == null || active.bytes >= segmentBytes) {
      roll(events.get(0).getSeq());
    }
    int size = 0;
    for (Event event : events) {
      size += SpoolRecord.size(event);
    }
    ByteBuffer buffer = ByteBuffer.allocate(size);
    events.forEach(event -> SpoolRecord.write(event, buffer));
    buffer.flip();
    long before = active.bytes;
    try {
      while (buffer.hasRemaining()) {
        activeChannel.write(buffer);
      }
      activeChannel.force(false);
    } catch (IOException e) {
      // Nothing of a failed batch may stay: its pings were answered 503 and will be sent again.
      activeChannel.truncate(before);
      throw e;
    }
    active.bytes += size;
    active.lastSeq = events.get(events.size() - 1).getSeq();
    bytes += size;
  }

  private void roll(long baseSeq) throws IOException {
    if (activeChannel != null) {
      activeChannel.close();
    }
    Segment segment = new Segment(Segment.pathFor(dir, baseSeq), baseSeq);
    activeChannel = FileChannel.open(segment.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    syncDirectory();
    segments.put(baseSeq, segment);
    active = segment;
  }

  /** Makes a new file's directory entry durable, not only its contents. */
  private void syncDirectory() throws IOException {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      log.debug("spool directory cannot be fsynced on this file system dir={} error={}", dir, e.toString());
    }
  }

  private void delete(Segment segment) {
    try {
      Files.deleteIfExists(segment.path);
      segments.remove(segment.baseSeq);
      bytes -= segment.bytes;
    } catch (IOException e) {
      log.warn("acknowledged spool segment not deleted file={} error={}", segment.path, e.toString());
    }
  }

  /** Where the last read stopped, so a replay reads each segment once from start to end. */
  private final class ReadCursor {
    private Segment segment;
    private long position;
    private long nextSeq = -1;

    List<Event> read(long fromSeq, long toSeq, int maxEvents) throws IOException {
      if (fromSeq != nextSeq || segment == null || !segments.containsKey(segment.baseSeq)) {
        Map.Entry<Long, Segment> floor = segments.floorEntry(fromSeq);
        segment = floor != null ? floor.getValue() : segments.isEmpty() ? null : segments.firstEntry().getValue();
        position = 0;
      }
      List<Event> events = new ArrayList<>();
      while (segment != null && events.size() < maxEvents) {
        if (!readFrom(segment, fromSeq, toSeq, maxEvents, events)) {
          break;
        }
        Map.Entry<Long, Segment> next = segments.higherEntry(segment.baseSeq);
        if (next == null) {
          break;
        }
        segment = next.getValue();
        position = 0;
      }
      nextSeq = events.isEmpty() ? fromSeq : events.get(events.size() - 1).getSeq() + 1;
      return events;
    }

    /** Reads records of one segment from {@link #position}; true when its end was reached. */
    private boolean readFrom(Segment from, long fromSeq, long toSeq, int maxEvents, List<Event> events)
        throws IOException {
      if (position >= from.bytes) {
        return true;
      }
      try (FileChannel channel = FileChannel.open(from.path, StandardOpenOption.READ)) {
        ByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, position, from.bytes - position);
        while (map.hasRemaining() && events.size() < maxEvents) {
          int start = map.position();
          Event event = SpoolRecord.read(map);
          if (event == null) {
            throw new IOException("spool segment " + from.path.getFileName() + " unreadable at byte "
                + (position + start));
          }
          if (event.getSeq() > toSeq) {
            map.position(start);
            position += start;
            return false;
          }
          if (event.getSeq() >= fromSeq) {
            events.add(event);
          }
        }
        position += map.position();
        return !map.hasRemaining();
      }
    }
  }
}
