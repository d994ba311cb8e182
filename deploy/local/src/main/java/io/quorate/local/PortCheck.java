package io.quorate.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Fails fast, naming the port and its use, instead of letting a child die later on "address in use". */
final class PortCheck {
  private PortCheck() {}

  static void requireFree(Map<Integer, String> uses, int basePort) throws LaunchException {
    for (Map.Entry<Integer, String> use : uses.entrySet()) {
      if (!isFree(use.getKey())) {
        throw new LaunchException("port " + use.getKey() + " (" + use.getValue() + ") is already in use. Is another"
            + " launcher or coordinator still running? Stop it, or shift every port with --base-port "
            + (basePort + 10000) + ".");
      }
    }
  }

  static boolean isFree(int port) {
    // The wildcard address also collides with a listener bound to 127.0.0.1 only.
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
