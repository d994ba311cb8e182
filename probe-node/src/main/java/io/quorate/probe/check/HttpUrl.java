package io.quorate.probe.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An http or https URL taken apart for one request. User info in the URL is dropped: credentials travel
 * in the Authorization header the coordinator computes.
 *
 * @param host lower case, IPv6 literals without brackets
 * @param pathAndQuery what goes on the request line, at least {@code /}
 */
record HttpUrl(String scheme, String host, int port, String pathAndQuery) {

  /**
   * Parses an absolute http(s) URL.
   *
   * @throws IllegalArgumentException saying what is wrong, without echoing the whole URL
   */
  static HttpUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(scheme.isEmpty() ? "not an absolute http or https URL"
          : "only http and https are supported, not " + scheme);
    }
    if (uri.getRawAuthority() == null || uri.getRawAuthority().isBlank()) {
      throw new IllegalArgumentException("the URL has no host");
    }
    String[] hostPort = hostAndPort(uri);
    int port = hostPort[1].isEmpty() ? (scheme.equals("https") ? 443 : 80) : port(hostPort[1]);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new HttpUrl(scheme, hostPort[0].toLowerCase(Locale.ROOT), port, path + query);
  }

  /** Host and port text; also for names java.net.URI will not take as a host (underscores). */
  private static String[] hostAndPort(URI uri) {
    String authority = uri.getRawAuthority();
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    String host;
    String port = "";
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("the URL has an unclosed IPv6 address");
      }
      host = authority.substring(1, close);
      port = authority.substring(close + 1).replaceFirst("^:", "");
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? "" : authority.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("the URL has no host");
    }
    return new String[] {host, port};
  }

  private static int port(String text) {
    int port = -1;
    if (text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      port = Integer.parseInt(text);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535, got \"" + text + "\"");
    }
    return port;
  }

  /**
   * Resolves a Location header against this URL (relative, scheme-relative or absolute).
   *
   * @throws IllegalArgumentException when the result is not a valid http(s) URL
   */
  HttpUrl resolve(String location) {
    String value = location.strip();
    if (value.startsWith("?")) {
      // java.net.URI drops the last path segment for a query-only reference; RFC 3986 keeps it.
      return parse(origin() + pathAndQuery.replaceFirst("\\?.*", "") + value);
    }
    try {
      return parse(new URI(toString()).resolve(new URI(value)).toString());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + e.getReason());
    }
  }

  boolean https() {
    return scheme.equals("https");
  }

  boolean ipv6Literal() {
    return host.indexOf(':') >= 0;
  }

  /** Same host and port: credentials may follow a redirect only within it. */
  boolean sameServer(HttpUrl other) {
    return host.equals(other.host) && port == other.port;
  }

  /** For reasons people read: no query string, which may carry signatures or tokens. */
  String display() {
    int query = pathAndQuery.indexOf('?');
    return origin() + (query < 0 ? pathAndQuery : pathAndQuery.substring(0, query) + "?…");
  }

  private String origin() {
    boolean defaultPort = port == (https() ? 443 : 80);
    return scheme + "://" + (ipv6Literal() ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port);
  }

  @Override
  public String toString() {
    return origin() + pathAndQuery;
  }
}
