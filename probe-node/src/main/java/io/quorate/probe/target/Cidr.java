package io.quorate.probe.target;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a range of one.
 * Host bits after the prefix are cleared, so {@code 10.1.2.3/8} means {@code 10.0.0.0/8}. Immutable.
 */
public final class Cidr {
  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Parses {@code address/prefix} or a bare address, IPv4 or IPv6. Only literals: never a DNS lookup.
   *
   * @throws IllegalArgumentException saying what is wrong, e.g. {@code "10.0.0.0/33": prefix must be 0 to 32}
   */
  public static Cidr parse(String text) {
    String value = text == null ? "" : text.strip();
    int slash = value.indexOf('/');
    byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? value : value.substring(0, slash));
    if (address == null || value.contains("%")) {
      throw new IllegalArgumentException("\"" + value
          + "\" is not an IPv4 or IPv6 range such as 10.0.0.0/8 or fd00::/8");
    }
    int bits = address.length * 8;
    int prefix = slash < 0 ? bits : prefixOf(value, value.substring(slash + 1), bits);
    return new Cidr(mask(address, prefix), prefix);
  }

  private static int prefixOf(String value, String digits, int bits) {
    if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > bits) {
      throw new IllegalArgumentException("\"" + value + "\": prefix must be 0 to " + bits);
    }
    return Integer.parseInt(digits);
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] masked = address.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] &= (byte) (0xff << (8 - keep));
    }
    return masked;
  }

  /** Whether the address (4 or 16 bytes) is in this range; an IPv4 range never holds an IPv6 address. */
  public boolean contains(byte[] address) {
    return address.length == network.length && Arrays.equals(mask(address, prefix), network);
  }

  public boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr that && prefix == that.prefix && Arrays.equals(network, that.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  /** The canonical form, e.g. {@code 10.0.0.0/8}, {@code fd00::/8}. */
  @Override
  public String toString() {
    return NetUtil.bytesToIpAddress(network) + "/" + prefix;
  }
}
