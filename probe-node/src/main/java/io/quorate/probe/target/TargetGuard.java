package io.quorate.probe.target;

import io.netty.util.NetUtil;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Decides the address a check connects to. Rules apply after DNS resolution, and the caller connects to
 * the very address returned, so a name that resolves differently a moment later (DNS rebinding) cannot
 * slip a refused address in. IP literals skip DNS.
 */
public final class TargetGuard {
  static final String HOW_TO_ALLOW = "; allow it with --allow-targets on this probe";

  private final AddressRules rules;
  private final HostResolver resolver;

  public TargetGuard(AddressRules rules, HostResolver resolver) {
    this.rules = rules;
    this.resolver = resolver;
  }

  /**
   * The address to connect to for {@code host} (a name, or an IP literal with or without brackets).
   *
   * @return a Future of the literal itself, or of the first resolved address the rules allow. It fails
   *     with {@link TargetRefusedException} when the rules allow none, and with the resolver's error
   *     (usually {@link UnknownHostException}) when the name does not resolve.
   */
  public Future<InetAddress> address(String host) {
    InetAddress literal = literal(host);
    if (literal != null) {
      Optional<String> refusal = rules.refusal(literal);
      return refusal.isEmpty() ? Future.succeededFuture(literal)
          : Future.failedFuture(new TargetRefusedException("target refused: " + display(literal) + " is "
              + refusal.get() + HOW_TO_ALLOW));
    }
    return resolver.resolveAll(host).compose(addresses -> firstAllowed(host, addresses));
  }

  private Future<InetAddress> firstAllowed(String host, List<InetAddress> addresses) {
    for (InetAddress address : addresses) {
      if (rules.refusal(address).isEmpty()) {
        return Future.succeededFuture(address);
      }
    }
    InetAddress first = addresses.get(0);
    return Future.failedFuture(new TargetRefusedException("target refused: " + host + " resolves to "
        + display(first) + ", which is " + rules.refusal(first).orElseThrow() + HOW_TO_ALLOW));
  }

  /** The address of an IP literal, or null for a host name. Never looks anything up. */
  static InetAddress literal(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Compact text form: {@code ::1}, not {@code 0:0:0:0:0:0:0:1}. */
  public static String display(InetAddress address) {
    return NetUtil.bytesToIpAddress(address.getAddress());
  }
}
