package io.quorate.probe.check;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.quorate.link.v1.FailureKind;
import io.quorate.probe.target.TargetRefusedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns a failed request into its bucket and the reason a person reads: "connection refused", "timeout
 * after 5000 ms". Whether response headers had arrived matters: a connection that drops before any
 * answer is refused, one that drops mid-response is a broken connection.
 */
final class TransportErrors {
  private static final int MAX_REASON = 300;

  private TransportErrors() {
  }

  static Failure classify(Throwable error, String host, long timeoutMs, boolean responseStarted) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Failure known = known(t, host, timeoutMs, responseStarted);
      if (known != null) {
        return new Failure(known.kind(), cut(known.reason()));
      }
    }
    String message = error.getMessage();
    return connection("request failed: " + error.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }

  private static Failure known(Throwable t, String host, long timeoutMs, boolean responseStarted) {
    if (t instanceof TargetRefusedException) {
      return Failure.targetRefused(t.getMessage());
    }
    if (t instanceof ConnectTimeoutException) {
      return new Failure(FailureKind.FAILURE_KIND_TIMEOUT, "timeout after " + timeoutMs + " ms (connecting)");
    }
    if (t instanceof TimeoutException) {
      return Failure.timeout(timeoutMs);
    }
    if (t instanceof UnknownHostException) {
      return new Failure(FailureKind.FAILURE_KIND_DNS, "DNS: host not found: " + host);
    }
    if (t instanceof SSLException) {
      return new Failure(FailureKind.FAILURE_KIND_TLS, "TLS: " + rootMessage(t));
    }
    if (t instanceof DecoderException || t instanceof IllegalArgumentException) {
      // Netty's HTTP decoder reports a response it cannot parse with the parser's own exception, often an
      // IllegalArgumentException ("invalid version format"). Requests are validated before they are sent
      // (PreparedCheck), so at this point such an exception comes from what the target sent.
      return connection("malformed HTTP response: " + rootMessage(t));
    }
    if (t instanceof HttpClosedException || t instanceof StreamResetException) {
      return dropped("closed", responseStarted);
    }
    return network(t, host, responseStarted);
  }

  private static Failure network(Throwable t, String host, boolean responseStarted) {
    if (t instanceof NoRouteToHostException) {
      return connection("no route to host " + host);
    }
    String message = t.getMessage() == null ? "" : t.getMessage();
    if (t instanceof ConnectException) {
      return message.contains("refused")
          ? new Failure(FailureKind.FAILURE_KIND_CONNECTION_REFUSED, "connection refused")
          : connection("cannot connect: " + message);
    }
    if (t instanceof IOException && message.toLowerCase(Locale.ROOT).contains("reset")) {
      return dropped("reset", responseStarted);
    }
    return null;
  }

  /** A connection the target closed or reset: refused when it never answered, broken when it did. */
  private static Failure dropped(String how, boolean responseStarted) {
    return responseStarted
        ? connection("connection " + how + " by the target before the response was complete")
        : new Failure(FailureKind.FAILURE_KIND_CONNECTION_REFUSED, "connection " + how
            + " by the target before it answered");
  }

  private static Failure connection(String reason) {
    return new Failure(FailureKind.FAILURE_KIND_CONNECTION, cut(reason));
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
