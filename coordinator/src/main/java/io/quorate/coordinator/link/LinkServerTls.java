package io.quorate.coordinator.link;

import io.quorate.coordinator.config.GrpcTls;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/** TLS on the probe link's HTTP/2 server; with a client CA, every probe must present a certificate it signed. */
final class LinkServerTls {
  private LinkServerTls() {}

  static HttpServerOptions apply(HttpServerOptions options, GrpcTls tls) {
    // gRPC over TLS is HTTP/2 chosen through ALPN: without it clients would fall back to HTTP/1.1 and fail.
    options.setSsl(true).setUseAlpn(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.cert().toString()).setKeyPath(tls.key().toString()));
    tls.clientCa().ifPresent(ca -> options
        .setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()))
        .setClientAuth(ClientAuth.REQUIRED));
    return options;
  }
}
