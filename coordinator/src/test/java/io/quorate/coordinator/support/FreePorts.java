package io.quorate.coordinator.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts later, often in another process. They come from below the kernel's ephemeral
 * range on purpose: a port the kernel hands out for {@code bind(0)} is also what it picks as the local port of
 * outgoing connections (Hazelcast members, PostgreSQL clients, probes), so such a port could be taken by a
 * connection in the seconds before the server binds it, and a coordinator would die at start with "address
 * already in use". Below the range only a listener can take a port, and every port is handed out once per JVM.
 */
public final class FreePorts {
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 10_000;
  private static final int EPHEMERAL_START = ephemeralRangeStart();
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  /** A loopback port that nothing listens on now and that this JVM has not handed out before. */
  public static synchronized int next() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, EPHEMERAL_START);
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + LOWEST + " and " + EPHEMERAL_START);
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** Linux's default is 32768; other systems keep their own range, and the same default is a fair guess there. */
  private static int ephemeralRangeStart() {
    try {
      int start = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
      return Math.max(start, LOWEST + 1_000);
    } catch (IOException | RuntimeException unreadable) {
      return 32_768;
    }
  }
}
