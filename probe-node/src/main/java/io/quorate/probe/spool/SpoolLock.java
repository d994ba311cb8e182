package io.quorate.probe.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a spool directory, held for the life of the probe node: two processes appending to
 * one spool would interleave their records and each replay the other's. Released by the OS when the
 * process dies, so a crash never leaves a stale lock behind.
 */
final class SpoolLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private SpoolLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static SpoolLock acquire(Path dir) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("spool directory " + dir + " is in use by another probe node: give each probe node"
          + " its own --spool-dir");
    }
    return new SpoolLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
