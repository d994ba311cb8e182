package io.quorate.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.TooLongFrameException;
import io.quorate.link.v1.FailureKind;
import io.quorate.probe.target.TargetRefusedException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransportErrorsTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(new ConnectException("Connection refused: /10.0.0.7:8080"), false,
            FailureKind.FAILURE_KIND_CONNECTION_REFUSED, "connection refused"),
        Arguments.of(new ConnectTimeoutException("connection timed out after 5000 ms"), false,
            FailureKind.FAILURE_KIND_TIMEOUT, "timeout after 5000 ms (connecting)"),
        Arguments.of(new NoStackTraceTimeoutException("The timeout period of 5000ms has been exceeded"), true,
            FailureKind.FAILURE_KIND_TIMEOUT, "timeout after 5000 ms"),
        Arguments.of(new UnknownHostException("Failed to resolve 'queue.internal'"), false,
            FailureKind.FAILURE_KIND_DNS, "DNS: host not found: queue.internal"),
        Arguments.of(new VertxException(new UnknownHostException("queue.internal")), false,
            FailureKind.FAILURE_KIND_DNS, "DNS: host not found: queue.internal"),
        Arguments.of(new SSLHandshakeException("PKIX path building failed"), false,
            FailureKind.FAILURE_KIND_TLS, "TLS: PKIX path building failed"),
        Arguments.of(new HttpClosedException("Connection was closed"), false,
            FailureKind.FAILURE_KIND_CONNECTION_REFUSED, "connection closed by the target before it answered"),
        Arguments.of(new HttpClosedException("Connection was closed"), true,
            FailureKind.FAILURE_KIND_CONNECTION, "connection closed by the target before the response was complete"),
        Arguments.of(new IOException("Connection reset by peer"), false,
            FailureKind.FAILURE_KIND_CONNECTION_REFUSED, "connection reset by the target before it answered"),
        Arguments.of(new IOException("Connection reset by peer"), true,
            FailureKind.FAILURE_KIND_CONNECTION, "connection reset by the target before the response was complete"),
        Arguments.of(new NoRouteToHostException("No route to host"), false,
            FailureKind.FAILURE_KIND_CONNECTION, "no route to host queue.internal"),
        Arguments.of(new TooLongFrameException("HTTP header is larger than 8192 bytes."), true,
            FailureKind.FAILURE_KIND_CONNECTION, "malformed HTTP response: HTTP header is larger than 8192 bytes."),
        Arguments.of(new IllegalArgumentException("invalid version format: SMTP"), false,
            FailureKind.FAILURE_KIND_CONNECTION, "malformed HTTP response: invalid version format: SMTP"),
        Arguments.of(new TargetRefusedException("target refused: 10.0.0.7 is private (10.0.0.0/8); allow it with "
            + "--allow-targets on this probe"), false, FailureKind.FAILURE_KIND_TARGET_REFUSED,
            "target refused: 10.0.0.7 is private (10.0.0.0/8); allow it with --allow-targets on this probe"),
        Arguments.of(new IllegalStateException("odd"), false,
            FailureKind.FAILURE_KIND_CONNECTION, "request failed: IllegalStateException: odd"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("errors")
  void describesTransportFailuresAsAPersonWouldSayThemInTheirBucket(Throwable error, boolean responseStarted,
      FailureKind kind, String reason) {
    assertEquals(new Failure(kind, reason), TransportErrors.classify(error, "queue.internal", 5000, responseStarted));
  }
}
