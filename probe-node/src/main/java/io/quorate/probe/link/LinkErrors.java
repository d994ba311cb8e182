package io.quorate.probe.link;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Short, secret-free descriptions of link failures for log lines. */
final class LinkErrors {
  private LinkErrors() {
  }

  static String describe(Throwable error) {
    String tls = tlsFailure(error);
    if (tls != null) {
      return "TLS failed: " + tls;
    }
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

  /**
   * The innermost TLS error's message (the outer ones only say "Failed to create SSL connection"), and the
   * root cause's when that is not a TLS error (such as the certificate path that could not be built); null
   * when the failure has nothing to do with TLS.
   */
  private static String tlsFailure(Throwable error) {
    SSLException innermost = null;
    Throwable root = error;
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SSLException tls) {
        innermost = tls;
      }
      root = cause;
    }
    if (innermost == null) {
      return null;
    }
    String message = String.valueOf(innermost.getMessage());
    return root == innermost || root.getMessage() == null || message.contains(root.getMessage()) ? message
        : message + ": " + root.getMessage();
  }
}
