package io.quorate.probe.check;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Set;

/**
 * Which redirects a run follows, and the request each one leads to, as browsers and curl do it: 303, and
 * 301/302 after anything but GET or HEAD, become a GET without body; 307 and 308 repeat the method and
 * body. Credentials (Authorization, Cookie) do not follow to another host or port, nor from https down to
 * http. Only http and https are followed. Pure: the caller checks each new target's address.
 */
final class RedirectPolicy {
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final List<CharSequence> CREDENTIALS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE,
      HttpHeaders.PROXY_AUTHORIZATION);
  private static final List<CharSequence> BODY_HEADERS = List.of(HttpHeaders.CONTENT_TYPE,
      HttpHeaders.CONTENT_ENCODING, HttpHeaders.CONTENT_LANGUAGE);

  /** What to do with a response. */
  sealed interface Decision permits Follow, Final, Refuse {
  }

  /** Send this request next. */
  record Follow(HopRequest next) implements Decision {
  }

  /** This response is the one the check judges. */
  record Final() implements Decision {
  }

  /** Stop: the redirect is not acceptable. */
  record Refuse(String reason) implements Decision {
  }

  private final int maxRedirects;

  RedirectPolicy(int maxRedirects) {
    this.maxRedirects = Math.max(0, maxRedirects);
  }

  /**
   * @param followed redirects followed so far in this run
   * @param visited  {@link HopRequest#key()} of the requests of this run that were redirected; the current one
   *                 is added here, so a run without redirects never builds a key
   */
  Decision decide(HopRequest current, int status, String location, int followed, Set<String> visited) {
    if (!REDIRECTS.contains(status) || location == null || location.isBlank() || maxRedirects == 0) {
      return new Final();
    }
    visited.add(current.key());
    HttpUrl target;
    try {
      target = current.url().resolve(location);
    } catch (IllegalArgumentException e) {
      return new Refuse("redirect refused: the Location is " + e.getMessage());
    }
    if (followed >= maxRedirects) {
      return new Refuse("more than " + maxRedirects + " redirect" + (maxRedirects == 1 ? "" : "s") + " (last: "
          + target.display() + ")");
    }
    HopRequest next = next(current, status, target);
    if (visited.contains(next.key())) {
      return new Refuse("redirect loop (back to " + target.display() + ")");
    }
    return new Follow(next);
  }

  private static HopRequest next(HopRequest current, int status, HttpUrl target) {
    MultiMap headers = HttpHeaders.headers().addAll(current.headers());
    boolean downgrade = current.url().https() && !target.https();
    if (!current.url().sameServer(target) || downgrade) {
      CREDENTIALS.forEach(headers::remove);
      headers.remove(HttpHeaders.HOST);
    }
    HttpMethod method = current.method();
    boolean toGet = status == 303 ? method != HttpMethod.HEAD
        : (status == 301 || status == 302) && method != HttpMethod.GET && method != HttpMethod.HEAD;
    if (!toGet) {
      return new HopRequest(target, method, headers, current.body());
    }
    BODY_HEADERS.forEach(headers::remove);
    return new HopRequest(target, HttpMethod.GET, headers, null);
  }
}
