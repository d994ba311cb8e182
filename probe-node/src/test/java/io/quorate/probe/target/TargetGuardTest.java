package io.quorate.probe.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetGuardTest {
  /** A stand-in for DNS that records what it was asked. */
  private final List<String> lookups = new ArrayList<>();

  private HostResolver dns(Map<String, List<String>> records) {
    return host -> {
      lookups.add(host);
      List<String> answers = records.get(host);
      if (answers == null) {
        return Future.failedFuture(new UnknownHostException(host));
      }
      return Future.succeededFuture(answers.stream().map(TargetGuard::literal).toList());
    };
  }

  private static Throwable failure(Future<InetAddress> address) {
    assertTrue(address.failed(), "expected a refusal, got " + address.result());
    return address.cause();
  }

  @Test
  void refusesTheCloudMetadataAddressSayingHowToAllowIt() {
    TargetGuard guard = new TargetGuard(AddressRules.defaults(), dns(Map.of()));
    Throwable refused = failure(guard.address("169.254.169.254"));
    assertInstanceOf(TargetRefusedException.class, refused);
    assertEquals("target refused: 169.254.169.254 is link-local (cloud metadata); allow it with --allow-targets "
        + "on this probe", refused.getMessage());
    assertEquals(List.of(), lookups, "an IP literal needs no DNS");
  }

  @Test
  void refusesABracketedIpv6Literal() {
    TargetGuard guard = new TargetGuard(AddressRules.defaults(), dns(Map.of()));
    assertEquals("target refused: ::1 is loopback; allow it with --allow-targets on this probe",
        failure(guard.address("[::1]")).getMessage());
  }

  @Test
  void judgesANameByTheAddressItResolvesTo() {
    TargetGuard guard = new TargetGuard(AddressRules.defaults(),
        dns(Map.of("queue.example", List.of("10.1.2.3"), "public.example", List.of("203.0.113.7"))));
    assertEquals("target refused: queue.example resolves to 10.1.2.3, which is private (10.0.0.0/8); allow it "
        + "with --allow-targets on this probe", failure(guard.address("queue.example")).getMessage());
    assertEquals(TargetGuard.literal("203.0.113.7"), guard.address("public.example").result());
  }

  @Test
  void connectsToTheFirstAllowedAddressOfAName() {
    TargetGuard guard = new TargetGuard(AddressRules.defaults(),
        dns(Map.of("dual.example", List.of("10.0.0.5", "203.0.113.7"))));
    assertEquals(TargetGuard.literal("203.0.113.7"), guard.address("dual.example").result());
  }

  @Test
  void anAllowanceLetsAPrivateNameThrough() {
    TargetGuard guard = new TargetGuard(AddressRules.allowing(List.of("10.0.0.0/8")),
        dns(Map.of("queue.internal", List.of("10.1.2.3"))));
    assertEquals(TargetGuard.literal("10.1.2.3"), guard.address("queue.internal").result());
  }

  @Test
  void aNameThatDoesNotResolveFailsWithTheResolversError() {
    TargetGuard guard = new TargetGuard(AddressRules.defaults(), dns(Map.of()));
    assertInstanceOf(UnknownHostException.class, failure(guard.address("nowhere.example")));
  }

  @Test
  void recognizesLiteralsWithoutLookingThemUp() {
    assertEquals("127.0.0.1", TargetGuard.display(TargetGuard.literal("127.0.0.1")));
    assertEquals("fd00::1", TargetGuard.display(TargetGuard.literal("[fd00::1]")));
    assertEquals(null, TargetGuard.literal("localhost"));
    assertEquals(null, TargetGuard.literal("2130706433"),
        "not a literal: the resolver decides, and its answer is checked");
  }
}
