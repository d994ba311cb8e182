package io.quorate.probe.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressRulesTest {

  private static InetAddress address(String literal) {
    InetAddress address = TargetGuard.literal(literal);
    if (address == null) {
      throw new IllegalArgumentException("not a literal: " + literal);
    }
    return address;
  }

  /** Refused by default; an empty reason means the address is public and allowed. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', nullValues = "PUBLIC", value = {
      "127.0.0.1                | loopback",
      "127.255.255.254          | loopback",
      "10.0.0.1                 | private (10.0.0.0/8)",
      "10.255.255.255           | private (10.0.0.0/8)",
      "172.16.0.1               | private (172.16.0.0/12)",
      "172.31.255.255           | private (172.16.0.0/12)",
      "172.15.255.255           | PUBLIC",
      "172.32.0.0               | PUBLIC",
      "192.168.1.1              | private (192.168.0.0/16)",
      "192.169.0.1              | PUBLIC",
      "100.64.0.1               | carrier-grade NAT (100.64.0.0/10)",
      "100.127.255.255          | carrier-grade NAT (100.64.0.0/10)",
      "100.128.0.0              | PUBLIC",
      "100.100.100.200          | carrier-grade NAT (100.64.0.0/10)",
      "169.254.169.254          | link-local (cloud metadata)",
      "169.254.0.1              | link-local",
      "0.0.0.0                  | unspecified",
      "0.1.2.3                  | \"this network\" (0.0.0.0/8)",
      "224.0.0.1                | multicast",
      "239.255.255.250          | multicast",
      "255.255.255.255          | broadcast",
      "240.0.0.1                | reserved (240.0.0.0/4)",
      "8.8.8.8                  | PUBLIC",
      "203.0.113.10             | PUBLIC",
      "1.1.1.1                  | PUBLIC",
      "::1                      | loopback",
      "::                       | unspecified",
      "fc00::1                  | private (unique local, fc00::/7)",
      "fd00:ec2::254            | private (unique local, fc00::/7)",
      "fec0::1                  | private (site-local, fec0::/10)",
      "fe80::1                  | link-local",
      "febf:ffff::1             | link-local",
      "ff02::1                  | multicast",
      "2001:4860:4860::8888     | PUBLIC",
      "2606:4700::1111          | PUBLIC",
      "::ffff:127.0.0.1         | loopback",
      "::ffff:169.254.169.254   | link-local (cloud metadata)",
      "::ffff:8.8.8.8           | PUBLIC",
      "::10.0.0.1               | private (10.0.0.0/8)",
      "::169.254.169.254        | link-local (cloud metadata)",
      "64:ff9b::7f00:1          | NAT64 loopback (127.0.0.1)",
      "64:ff9b::a9fe:a9fe       | NAT64 link-local (cloud metadata) (169.254.169.254)",
      "64:ff9b::808:808         | PUBLIC",
      "2002:c0a8:0101::1        | 6to4 private (192.168.0.0/16) (192.168.1.1)",
      "2002:0808:0808::1        | PUBLIC"})
  void refusesNonPublicAddressesByDefault(String literal, String reason) {
    assertEquals(Optional.ofNullable(reason), AddressRules.defaults().refusal(address(literal)));
  }

  /** Literals in the compatible form are read as IPv4 already; a resolver may still return the 16 bytes. */
  @Test
  void judgesTheIpv4CompatibleFormByItsIpv4Address() {
    byte[] compatible = new byte[16];
    System.arraycopy(new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}, 0, compatible, 12, 4);
    assertEquals(Optional.of("IPv4-compatible link-local (cloud metadata) (169.254.169.254)"),
        AddressRules.category(compatible));
    compatible[12] = 8;
    compatible[13] = 8;
    compatible[14] = 8;
    compatible[15] = 8;
    assertEquals(Optional.empty(), AddressRules.category(compatible));
  }

  @ParameterizedTest(name = "allowing {0}: {1} refused={2}")
  @CsvSource({
      "127.0.0.0/8,      127.0.0.1,          false",
      "127.0.0.0/8,      ::ffff:127.0.0.1,   false",
      "127.0.0.0/8,      64:ff9b::7f00:1,    false",
      "127.0.0.0/8,      ::1,                true",
      "127.0.0.0/8,      10.0.0.1,           true",
      "10.20.0.0/16,     10.20.3.4,          false",
      "10.20.0.0/16,     10.21.3.4,          true",
      "fd00::/8,         fd12::1,            false",
      "fd00::/8,         fc00::1,            true",
      "169.254.0.0/16,   169.254.169.254,    false",
      "0.0.0.0/0,        192.168.1.1,        false"})
  void allowsWhatTheProbeConfigurationAllows(String allowed, String literal, boolean refused) {
    AddressRules rules = AddressRules.allowing(List.of(allowed));
    assertEquals(refused, rules.refusal(address(literal)).isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"127.0.0.1", "10.1.1.1", "169.254.169.254", "::1", "fd00::1"})
  void ipv4RangesAndIpv6RangesDoNotMix(String literal) {
    AddressRules ipv6Everything = AddressRules.allowing(List.of("::/0"));
    boolean isV4 = address(literal).getAddress().length == 4;
    assertEquals(isV4, ipv6Everything.refusal(address(literal)).isPresent());
  }
}
