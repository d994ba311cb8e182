package io.quorate.probe.ping;

import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.HeartbeatTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The heartbeats this probe last knew, kept next to the spool ({@code heartbeats.pb}). A probe restarted
 * while no coordinator is reachable would otherwise answer every ping 503 until one is: with this file it
 * keeps accepting (and spooling) pings for the work it last knew. Blocking: call it off the event loop.
 */
public final class KnownTargetsFile {
  private static final String NAME = "heartbeats.pb";

  private KnownTargetsFile() {
  }

  public static Optional<List<HeartbeatTarget>> load(Path dir) throws IOException {
    Path file = dir.resolve(NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(AssignmentSnapshot.parseFrom(Files.readAllBytes(file)).getHeartbeatsList());
  }

  /** Replaces the file atomically, so a crash leaves the old list or the new one, never half of one. */
  public static void save(Path dir, List<HeartbeatTarget> targets) throws IOException {
    Path temporary = dir.resolve(NAME + ".tmp");
    Files.write(temporary, AssignmentSnapshot.newBuilder().addAllHeartbeats(targets).build().toByteArray());
    Files.move(temporary, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
