package io.quorate.probe.check;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns a failed request into the reason a person reads: "connection refused", "timeout after 5000 ms". */
final class TransportErrors {
  private static final int MAX_REASON = 300;

  private TransportErrors() {
  }

  static String describe(Throwable error, String host, long timeoutMs) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String known = known(t, host, timeoutMs);
      if (known != null) {
        return cut(known);
      }
    }
    String message = error.getMessage();
    return cut("request failed: " + error.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }

  private static String known(Throwable t, String host, long timeoutMs) {
    if (t instanceof ConnectTimeoutException) {
      return "timeout after " + timeoutMs + " ms (connecting)";
    }
    if (t instanceof TimeoutException) {
      return "timeout after " + timeoutMs + " ms";
    }
    if (t instanceof UnknownHostException) {
      return "DNS: host not found: " + host;
    }
    if (t instanceof NoRouteToHostException) {
      return "no route to host " + host;
    }
    if (t instanceof ConnectException) {
      String message = t.getMessage();
      return message != null && message.contains("refused") ? "connection refused" : "cannot connect: " + message;
    }
    if (t instanceof SSLException) {
      return "TLS: " + rootMessage(t);
    }
    if (t instanceof HttpClosedException) {
      return "connection closed by the target before the response was complete";
    }
    if (t instanceof StreamResetException reset) {
      return "stream reset by the target (code " + reset.getCode() + ")";
    }
    return null;
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }

  private static String cut(String reason) {
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
  }
}
