package io.quorate.probe.target;

import io.vertx.core.Future;
import java.net.InetAddress;
import java.util.List;

/** Turns a host name into addresses, without blocking the caller's event loop. */
public interface HostResolver {

  /**
   * Resolves a host name (never an IP literal: callers handle those).
   *
   * @return a Future of the addresses in the resolver's order of preference (at least one); it fails,
   *     typically with {@link java.net.UnknownHostException}, when the name does not resolve
   */
  Future<List<InetAddress>> resolveAll(String host);
}
