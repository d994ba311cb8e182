package io.quorate.probe.link;

import io.quorate.probe.LinkTls;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/** TLS on the link's HTTP/2 client: the coordinator's certificate and host name are always verified. */
final class LinkClientTls {
  private LinkClientTls() {}

  static HttpClientOptions apply(HttpClientOptions http, LinkTls tls) {
    if (!tls.enabled()) {
      return http;
    }
    // gRPC needs HTTP/2, which over TLS is agreed through ALPN.
    http.setSsl(true).setUseAlpn(true).setVerifyHost(true).setTrustAll(false);
    // Without a CA of our own, Vert.x uses the JVM's default trust store.
    tls.trustedCa().ifPresent(ca -> http.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
    tls.clientCert().ifPresent(cert -> http.setKeyCertOptions(new PemKeyCertOptions().setCertPath(cert.toString())
        .setKeyPath(tls.clientKey().orElseThrow().toString())));
    return http;
  }
}
