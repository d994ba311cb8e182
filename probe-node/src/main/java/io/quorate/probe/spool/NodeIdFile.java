package io.quorate.probe.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The probe node's id, kept in its spool directory. A node that restarts with its spool must keep its id:
 * the coordinator tracks watermarks per node, and the replayed pings and the new watermarks belong to the
 * same node.
 */
public final class NodeIdFile {
  private static final String NAME = "node-id";

  private NodeIdFile() {
  }

  /** The id stored in {@code spoolDir}, if any. */
  public static Optional<String> read(Path spoolDir) throws IOException {
    Path file = spoolDir.resolve(NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String id = Files.readString(file, StandardCharsets.UTF_8).strip();
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  /** Stores {@code nodeId} in {@code spoolDir}, creating the directory when needed. */
  public static void write(Path spoolDir, String nodeId) throws IOException {
    Files.createDirectories(spoolDir);
    Path temporary = spoolDir.resolve(NAME + ".tmp");
    Files.writeString(temporary, nodeId + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, spoolDir.resolve(NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
