package io.quorate.probe.target;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.resolver.NameResolver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves with the resolver Vert.x's own clients use ({@code VertxInternal.nameResolver()}, exported by
 * vertx-core 5 in {@code io.vertx.core.internal.resolver}). Chosen over the alternatives because it is
 * asynchronous (Netty's DNS resolver: no thread blocked per lookup, unlike {@code executeBlocking} around
 * {@code InetAddress.getAllByName}, which would tie up worker threads at thousands of checks per second),
 * honours {@code /etc/hosts}, search domains and the Vert.x {@code AddressResolverOptions}, and caches by
 * TTL, so the probe resolves exactly as the HTTP client would have. The public {@code DnsClient} does
 * none of the hosts-file or search-domain work. Being internal API, it is isolated here behind
 * {@link HostResolver}.
 */
public final class VertxHostResolver implements HostResolver {
  private final NameResolver resolver;

  public VertxHostResolver(Vertx vertx) {
    this.resolver = ((VertxInternal) vertx).nameResolver();
  }

  @Override
  public Future<List<InetAddress>> resolveAll(String host) {
    Promise<List<InetAddress>> addresses = Promise.promise();
    resolver.resolveAll(host, done -> {
      if (done.failed()) {
        addresses.fail(done.cause());
      } else if (done.result().isEmpty()) {
        addresses.fail(new UnknownHostException(host));
      } else {
        addresses.complete(done.result().stream().map(InetSocketAddress::getAddress).toList());
      }
    });
    return addresses.future();
  }
}
