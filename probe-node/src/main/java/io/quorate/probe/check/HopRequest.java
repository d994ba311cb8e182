package io.quorate.probe.check;

import io.quorate.link.v1.HttpCheck;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

/**
 * One request of a run: the check's own, or one a redirect led to.
 *
 * @param body null when none is sent
 */
record HopRequest(HttpUrl url, HttpMethod method, MultiMap headers, Buffer body) {
  static final String REGION_HEADER = "X-Quorate-Region";
  /** Framing is the client's business: a configured value could only corrupt the request. */
  private static final List<String> FRAMING = List.of("content-length", "transfer-encoding", "connection");

  /** The check's request, with the probe's User-Agent and region replacing any configured values. */
  static HopRequest first(HttpCheck check, String userAgent, String region) {
    MultiMap headers = HttpHeaders.headers();
    check.getHeadersMap().forEach((name, value) -> {
      if (!FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
        headers.add(name, value);
      }
    });
    headers.set(HttpHeaders.USER_AGENT, userAgent).set(REGION_HEADER, region);
    String method = check.getMethod().isBlank() ? "GET" : check.getMethod().strip().toUpperCase(Locale.ROOT);
    Buffer body = check.getBody().isEmpty() ? null : Buffer.buffer(check.getBody());
    return new HopRequest(HttpUrl.parse(check.getUrl()), HttpMethod.valueOf(method), headers, body);
  }

  /**
   * Options that connect to exactly {@code address} (already checked) while the Host header, TLS SNI and
   * certificate hostname verification use the URL's host.
   */
  RequestOptions options(InetAddress address, long remainingMs) {
    return new RequestOptions()
        .setMethod(method)
        .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, url.port())))
        .setHost(url.host())
        .setPort(url.port())
        .setSsl(url.https())
        .setURI(url.pathAndQuery())
        .setHeaders(headers) // copied into the request; redirects copy before changing them
        .setConnectTimeout(remainingMs)
        .setIdleTimeout(remainingMs)
        .setFollowRedirects(false);
  }

  /** Sends the request; an IPv6 literal host needs brackets in the Host header. */
  Future<HttpClientResponse> sendOn(HttpClientRequest request) {
    if (url.ipv6Literal()) {
      request.authority(HostAndPort.create("[" + url.host() + "]", url.port()));
    }
    return body == null ? request.send() : request.send(body);
  }

  /** Identifies a request for loop detection. */
  String key() {
    return method.name() + " " + url;
  }
}
