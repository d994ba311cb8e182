package io.quorate.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransportErrorsTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(new ConnectException("Connection refused: /10.0.0.7:8080"), "connection refused"),
        Arguments.of(new ConnectTimeoutException("connection timed out after 5000 ms"),
            "timeout after 5000 ms (connecting)"),
        Arguments.of(new NoStackTraceTimeoutException("The timeout period of 5000ms has been exceeded"),
            "timeout after 5000 ms"),
        Arguments.of(new UnknownHostException("Failed to resolve 'queue.internal'"), "DNS: host not found: queue.internal"),
        Arguments.of(new VertxException(new UnknownHostException("queue.internal")), "DNS: host not found: queue.internal"),
        Arguments.of(new SSLHandshakeException("PKIX path building failed"), "TLS: PKIX path building failed"),
        Arguments.of(new HttpClosedException("Connection was closed"),
            "connection closed by the target before the response was complete"),
        Arguments.of(new IllegalStateException("odd"), "request failed: IllegalStateException: odd"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("errors")
  void describesTransportFailuresAsAPersonWouldSayThem(Throwable error, String reason) {
    assertEquals(reason, TransportErrors.describe(error, "queue.internal", 5000));
  }
}
