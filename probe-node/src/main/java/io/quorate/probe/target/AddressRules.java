package io.quorate.probe.target;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a probe may send checks to. A probe sits inside someone's network, so a check pointed at
 * a loopback, private or link-local address (the cloud metadata service at 169.254.169.254 above all)
 * would let whoever edits monitors read internal services through it. Those ranges are refused unless
 * this probe's own configuration allows them ({@code --allow-targets}); public addresses are allowed.
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
 * Immutable and thread-safe.
 */
public final class AddressRules {
  private record Range(Cidr cidr, String label) {
  }

  /** First match wins: specific ranges come before the ones containing them. */
  private static final List<Range> V4 = List.of(
      range("0.0.0.0/32", "unspecified"),
      range("0.0.0.0/8", "\"this network\" (0.0.0.0/8)"),
      range("10.0.0.0/8", "private (10.0.0.0/8)"),
      range("100.64.0.0/10", "carrier-grade NAT (100.64.0.0/10)"),
      range("127.0.0.0/8", "loopback"),
      range("169.254.169.254/32", "link-local (cloud metadata)"),
      range("169.254.0.0/16", "link-local"),
      range("172.16.0.0/12", "private (172.16.0.0/12)"),
      range("192.168.0.0/16", "private (192.168.0.0/16)"),
      range("224.0.0.0/4", "multicast"),
      range("255.255.255.255/32", "broadcast"),
      range("240.0.0.0/4", "reserved (240.0.0.0/4)"));
  private static final List<Range> V6 = List.of(
      range("::/128", "unspecified"),
      range("::1/128", "loopback"),
      range("fc00::/7", "private (unique local, fc00::/7)"),
      range("fec0::/10", "private (site-local, fec0::/10)"),
      range("fe80::/10", "link-local"),
      range("ff00::/8", "multicast"));
  /** IPv6 ranges that embed an IPv4 address, with the offset of those 4 bytes. */
  private static final List<Range> EMBEDDING = List.of(
      range("::ffff:0:0/96", "IPv4-mapped"),
      range("::/96", "IPv4-compatible"),
      range("64:ff9b::/96", "NAT64"),
      range("2002::/16", "6to4"));

  private static final AddressRules DEFAULT = new AddressRules(List.of());

  private final List<Cidr> allowed;

  public AddressRules(List<Cidr> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** The built-in rules with no exceptions. */
  public static AddressRules defaults() {
    return DEFAULT;
  }

  /**
   * The built-in rules plus ranges this probe may reach anyway, e.g. {@code 10.0.0.0/8}.
   *
   * @throws IllegalArgumentException when a range is not valid
   */
  public static AddressRules allowing(List<String> cidrs) {
    return new AddressRules(cidrs.stream().map(Cidr::parse).toList());
  }

  /**
   * Why a check may not connect to this address, e.g. {@code link-local (cloud metadata)}; empty when it
   * may: the address is public or in an allowed range.
   */
  public Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    byte[] embedded = embeddedV4(bytes);
    if (isAllowed(bytes) || embedded != null && isAllowed(embedded)) {
      return Optional.empty();
    }
    return category(bytes);
  }

  /** What kind of non-public address this is (4 or 16 bytes), or empty for a public one; ignores allowances. */
  public static Optional<String> category(byte[] address) {
    if (address.length == 4) {
      return match(V4, address);
    }
    Optional<String> v6 = match(V6, address);
    if (v6.isPresent()) {
      return v6;
    }
    byte[] v4 = embeddedV4(address);
    if (v4 == null) {
      return Optional.empty();
    }
    String form = match(EMBEDDING, address).orElseThrow();
    return match(V4, v4).map(what -> form + " " + what + " (" + NetUtil.bytesToIpAddress(v4) + ")");
  }

  /** The IPv4 address inside an IPv6 one of the embedding forms, or null. */
  private static byte[] embeddedV4(byte[] address) {
    if (address.length != 16) {
      return null;
    }
    for (Range form : EMBEDDING) {
      if (form.cidr().contains(address)) {
        int offset = form.label().equals("6to4") ? 2 : 12;
        return Arrays.copyOfRange(address, offset, offset + 4);
      }
    }
    return null;
  }

  private boolean isAllowed(byte[] address) {
    return allowed.stream().anyMatch(cidr -> cidr.contains(address));
  }

  private static Optional<String> match(List<Range> ranges, byte[] address) {
    return ranges.stream().filter(r -> r.cidr().contains(address)).map(Range::label).findFirst();
  }

  private static Range range(String cidr, String label) {
    return new Range(Cidr.parse(cidr), label);
  }

  @Override
  public String toString() {
    return "AddressRules" + allowed;
  }
}
