package io.quorate.probe.check;

import io.vertx.core.http.HttpConnection;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/** When the target's TLS certificate expires, so people hear of it before their queue endpoint breaks. */
final class Certificates {
  private Certificates() {
  }

  /** The notAfter of the peer's own (first) certificate in epoch millis; 0 for plain HTTP or none. */
  static long expiresAtMs(HttpConnection connection) {
    if (connection == null || !connection.isSsl()) {
      return 0;
    }
    try {
      List<Certificate> chain = connection.peerCertificates();
      return !chain.isEmpty() && chain.get(0) instanceof X509Certificate leaf ? leaf.getNotAfter().getTime() : 0;
    } catch (SSLPeerUnverifiedException e) {
      return 0;
    }
  }
}
