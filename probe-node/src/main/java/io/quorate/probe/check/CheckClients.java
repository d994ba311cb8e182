package io.quorate.probe.check;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP clients checks run with: one that verifies certificates, and one that accepts any certificate
 * for checks with {@code insecure_skip_tls_verify}, created on first use and then shared.
 *
 * <p>Sized for many checks against few hosts: connections are kept alive and reused, since opening one
 * per run at thousands of runs per second would spend the CPU on handshakes and fill the machine with
 * TIME_WAIT sockets. Idle connections close after {@value #KEEP_ALIVE_S} s, below the 5 s idle timeout of
 * common servers (Node.js), so a run rarely picks a connection the server is just closing. The pool of
 * one server holds as many connections as checks may run at once, up to {@value #MAX_CONNECTIONS_PER_SERVER},
 * so checks that hang on a server rarely make the others to it queue for a connection. Redirects and decompression are off: the runner follows
 * redirects itself, each hop checked, and the body cap counts bytes as they arrive.
 *
 * <p>Used on the probe node's event loop only.
 */
public final class CheckClients {
  static final int KEEP_ALIVE_S = 4;
  /**
   * Connections kept per target server at most. Vert.x picks a pooled connection by scanning all of a
   * server's connections on every request, so a pool of thousands costs more CPU than the checks themselves
   * (measured: 38% of the probe's CPU at 3,000 checks/s with ~1,500 connections to one server). 512 still
   * lets hundreds of checks hang on one server without the others to it waiting for a connection.
   */
  static final int MAX_CONNECTIONS_PER_SERVER = 512;

  private final Vertx vertx;
  private final HttpClientOptions options;
  private final PoolOptions pool;
  private final HttpClientAgent verifying;
  private HttpClientAgent insecure;

  /** @param maxConnectionsPerServer the most checks that can be in flight at once */
  public CheckClients(Vertx vertx, int maxConnectionsPerServer) {
    this.vertx = vertx;
    this.options = new HttpClientOptions()
        .setName("quorate-checks")
        .setKeepAlive(true)
        .setKeepAliveTimeout(KEEP_ALIVE_S)
        .setMaxRedirects(0)
        .setDecompressionSupported(false)
        .setVerifyHost(true);
    // HTTP/1.1 only: no ALPN.
    this.pool = new PoolOptions().setHttp1MaxSize(Math.min(maxConnectionsPerServer, MAX_CONNECTIONS_PER_SERVER));
    this.verifying = vertx.createHttpClient(options, pool);
  }

  HttpClient client(boolean skipTlsVerify) {
    if (!skipTlsVerify) {
      return verifying;
    }
    if (insecure == null) {
      insecure = vertx.createHttpClient(new HttpClientOptions(options).setName("quorate-checks-insecure")
          .setTrustAll(true).setVerifyHost(false), pool);
    }
    return insecure;
  }

  public Future<Void> close() {
    List<Future<?>> closing = new ArrayList<>();
    closing.add(verifying.close());
    if (insecure != null) {
      closing.add(insecure.close());
    }
    return Future.join(closing).mapEmpty();
  }
}
