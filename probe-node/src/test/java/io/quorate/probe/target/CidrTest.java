package io.quorate.probe.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.util.NetUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
      "10.0.0.0/8,       10.255.1.2,        true",
      "10.0.0.0/8,       11.0.0.1,          false",
      "10.1.2.3/8,       10.9.9.9,          true",
      "172.16.0.0/12,    172.31.255.255,    true",
      "172.16.0.0/12,    172.32.0.0,        false",
      "127.0.0.1,        127.0.0.1,         true",
      "127.0.0.1,        127.0.0.2,         false",
      "0.0.0.0/0,        203.0.113.9,       true",
      "0.0.0.0/0,        2001:db8::1,       false",
      "fd00::/8,         fd12:3456::1,      true",
      "fd00::/8,         fe80::1,           false",
      "::/0,             2001:db8::1,       true",
      "::/0,             10.0.0.1,          false",
      "2001:db8::/33,    2001:db8:7fff::1,  true",
      "2001:db8::/33,    2001:db8:8000::1,  false"})
  void containsExactlyTheAddressesOfItsPrefix(String cidr, String address, boolean contained) {
    assertEquals(contained, Cidr.parse(cidr).contains(NetUtil.createByteArrayFromIpAddressString(address)));
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({
      "10.1.2.3/8,           10.0.0.0/8",
      "' 192.168.0.0/16 ',   192.168.0.0/16",
      "127.0.0.1,            127.0.0.1/32",
      "FD00:0:0::1/8,        fd00::/8",
      "::1,                  ::1/128",
      "::ffff:127.0.0.0/104, ::ffff:7f00:0/104"})
  void printsTheCanonicalForm(String text, String canonical) {
    assertEquals(canonical, Cidr.parse(text).toString());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "10.0.0.0/33   | \"10.0.0.0/33\": prefix must be 0 to 32",
      "fd00::/129    | \"fd00::/129\": prefix must be 0 to 128",
      "10.0.0.0/-1   | \"10.0.0.0/-1\": prefix must be 0 to 32",
      "10.0.0.0/     | \"10.0.0.0/\": prefix must be 0 to 32",
      "10.0.0/8      | \"10.0.0/8\" is not an IPv4 or IPv6 range such as 10.0.0.0/8 or fd00::/8",
      "localhost     | \"localhost\" is not an IPv4 or IPv6 range such as 10.0.0.0/8 or fd00::/8",
      "256.0.0.0/8   | \"256.0.0.0/8\" is not an IPv4 or IPv6 range such as 10.0.0.0/8 or fd00::/8",
      "fe80::1%eth0  | \"fe80::1%eth0\" is not an IPv4 or IPv6 range such as 10.0.0.0/8 or fd00::/8",
      "''            | \"\" is not an IPv4 or IPv6 range such as 10.0.0.0/8 or fd00::/8"})
  void refusesWhatIsNotARange(String text, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text)).getMessage());
  }
}
