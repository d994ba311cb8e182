package io.quorate.probe.spool;

import io.quorate.link.v1.Event;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How one event is laid out in a segment file: {@code [length: int32][crc32c of payload: int32][payload]},
 * the payload being the protobuf {@link Event} (sequence number, event id and receive time included, so a
 * replay sends exactly what was first accepted). The checksum tells a torn write (power cut in the middle
 * of an append) from a record, so recovery can cut the tail there.
 */
final class SpoolRecord {
  static final int HEADER_BYTES = 8;
  /** Far above any event the probe makes (bodies are cut to 10 MiB at most); anything larger is damage. */
  static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

  private SpoolRecord() {
  }

  static int size(Event event) {
    return HEADER_BYTES + event.getSerializedSize();
  }

  /** Appends the framed event to {@code out}, which must have room for {@link #size(Event)} bytes. */
  static void write(Event event, ByteBuffer out) {
    byte[] payload = event.toByteArray();
    out.putInt(payload.length);
    out.putInt(checksum(payload, 0, payload.length));
    out.put(payload);
  }

  /**
   * Reads the record at the buffer's position, advancing past it.
   *
   * @return the event, or null when the bytes left do not hold a whole, intact record (a torn tail or
   *     damage); the position is then unchanged
   */
  static Event read(ByteBuffer in) {
    int start = in.position();
    if (in.remaining() < HEADER_BYTES) {
      return null;
    }
    int length = in.getInt();
    int expected = in.getInt();
    if (length < 0 || length > MAX_PAYLOAD_BYTES || in.remaining() < length) {
      in.position(start);
      return null;
    }
    byte[] payload = new byte[length];
    in.get(payload);
    if (checksum(payload, 0, length) != expected) {
      in.position(start);
      return null;
    }
    try {
      return Event.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      in.position(start);
      return null;
    }
  }

  private static int checksum(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
