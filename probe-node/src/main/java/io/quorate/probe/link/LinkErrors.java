package io.quorate.probe.link;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/** Short, secret-free descriptions of link failures for log lines. */
final class LinkErrors {
  private LinkErrors() {
  }

  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ConnectTimeoutException) {
      return "connect timeout";
    }
    if (root instanceof ConnectException) {
      return root.getMessage() != null && root.getMessage().contains("refused") ? "connection refused"
          : "connect failed: " + root.getMessage();
    }
    if (root instanceof UnknownHostException) {
      return "host not found";
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
