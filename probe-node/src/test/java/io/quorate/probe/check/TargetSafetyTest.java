package io.quorate.probe.check;

import static io.quorate.probe.support.Probes.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.quorate.probe.support.CheckRuns;
import io.quorate.probe.support.QueueEndpoint;
import io.quorate.probe.target.HostResolver;
import io.quorate.probe.target.VertxHostResolver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The probe refuses internal targets unless its own configuration allows them, judged after DNS. */
@ExtendWith(VertxExtension.class)
class TargetSafetyTest {
  private Vertx vertx;
  private QueueEndpoint queue;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    queue = QueueEndpoint.start(vertx);
  }

  @AfterEach
  void tearDown() {
    queue.close();
  }

  /** A stand-in for DNS: these names, these answers; anything else does not exist. */
  private static HostResolver dns(Map<String, String> records) {
    return host -> {
      String answer = records.get(host);
      if (answer == null) {
        return Future.failedFuture(new UnknownHostException(host));
      }
      try {
        return Future.succeededFuture(List.of(InetAddress.getByName(answer)));
      } catch (UnknownHostException e) {
        return Future.failedFuture(e);
      }
    };
  }

  private Observation run(CheckRuns runs, String url) {
    try (runs) {
      return runs.run(check("m", url, 1000, 2000));
    }
  }

  @Test
  void refusesLoopbackByDefaultWithoutConnecting() {
    Observation o = run(CheckRuns.allowing(vertx, List.of()), queue.url("/queues/healthy"));
    assertEquals(Outcome.OUTCOME_DOWN, o.getOutcome());
    assertEquals(FailureKind.FAILURE_KIND_TARGET_REFUSED, o.getFailureKind());
    assertEquals("target refused: 127.0.0.1 is loopback; allow it with --allow-targets on this probe", o.getReason());
    assertTrue(queue.received("/queues/healthy").isEmpty(), "nothing was sent");
  }

  @Test
  void refusesANameThatResolvesToLoopbackAndAcceptsItWhenAllowed() {
    String url = queue.url("localhost", "/queues/healthy");
    Observation refused = run(CheckRuns.allowing(vertx, List.of()), url);
    assertEquals("target refused: localhost resolves to 127.0.0.1, which is loopback; allow it with "
        + "--allow-targets on this probe", refused.getReason());
    assertEquals(FailureKind.FAILURE_KIND_TARGET_REFUSED, refused.getFailureKind());

    Observation allowed = run(CheckRuns.allowing(vertx, List.of("127.0.0.0/8", "::1/128")), url);
    assertEquals(Outcome.OUTCOME_UP, allowed.getOutcome(), allowed.getReason());
  }

  @Test
  void refusesANameThatResolvesToTheCloudMetadataService() {
    Observation o = run(CheckRuns.resolving(vertx, List.of("127.0.0.0/8"),
        dns(Map.of("metadata.example", "169.254.169.254"))), "http://metadata.example/latest/meta-data/");
    assertEquals("target refused: metadata.example resolves to 169.254.169.254, which is link-local (cloud "
        + "metadata); allow it with --allow-targets on this probe", o.getReason());
  }

  @Test
  void connectsToTheCheckedAddressAndKeepsTheHostName() {
    Observation o = run(CheckRuns.resolving(vertx, List.of("127.0.0.0/8"), dns(Map.of("queue.example", "127.0.0.1"))),
        "http://queue.example:" + queue.port() + "/echo");
    assertEquals(Outcome.OUTCOME_UP, o.getOutcome(), o.getReason());
    assertEquals("queue.example:" + queue.port(), queue.received("/echo").get(0).headers().get("Host"));
  }

  @Test
  void reachesAnIpv6LiteralWhenAllowedWithTheHostHeaderInBrackets() {
    List<String> hosts = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpServer server = vertx.createHttpServer().requestHandler(request -> {
      hosts.add(request.headers().get("Host"));
      request.response().end("{}");
    }).listen(0, "::1").await();
    try {
      String url = "http://[::1]:" + server.actualPort() + "/q";
      assertEquals("target refused: ::1 is loopback; allow it with --allow-targets on this probe",
          run(CheckRuns.allowing(vertx, List.of("127.0.0.0/8")), url).getReason());
      Observation o = run(CheckRuns.allowing(vertx, List.of("::1/128")), url);
      assertEquals(Outcome.OUTCOME_UP, o.getOutcome(), o.getReason());
      assertEquals(List.of("[::1]:" + server.actualPort()), hosts);
    } finally {
      server.close().await();
    }
  }

  @Test
  void aNameThatDoesNotResolveIsADnsFailure() {
    Observation o = run(CheckRuns.resolving(vertx, List.of(), dns(Map.of())), "https://queue.example/depth");
    assertEquals(FailureKind.FAILURE_KIND_DNS, o.getFailureKind());
    assertEquals("DNS: host not found: queue.example", o.getReason());
  }

  @Test
  void theRealResolverAnswersWithoutBlocking() {
    List<InetAddress> addresses = new VertxHostResolver(vertx).resolveAll("localhost").await();
    assertTrue(addresses.stream().anyMatch(InetAddress::isLoopbackAddress), addresses.toString());
  }

  @Test
  void aCheckThatCannotRunIsInvalid() {
    Observation o = run(CheckRuns.loopbackAllowed(vertx), "gopher://queue.example/");
    assertEquals(FailureKind.FAILURE_KIND_INVALID_CHECK, o.getFailureKind());
    assertEquals("invalid URL: only http and https are supported, not gopher", o.getReason());
  }
}
