package io.quorate.coordinator.account;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/**
 * The session cookie: HttpOnly (page scripts cannot read it), SameSite=Strict (other sites' pages cannot
 * make the browser send it), Secure whenever the page was reached over HTTPS (directly, or through a proxy
 * that says so in X-Forwarded-Proto, or when the public URL is https).
 */
public final class SessionCookie {
  public static final String NAME = "quorate_session";
  private final boolean publicUrlIsHttps;

  public SessionCookie(boolean publicUrlIsHttps) {
    this.publicUrlIsHttps = publicUrlIsHttps;
  }

  public static Optional<String> read(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(NAME);
    return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
  }

  public void set(RoutingContext ctx, String sessionId, Duration lifetime) {
    ctx.response().addCookie(base(ctx, sessionId).setMaxAge(lifetime.toSeconds()));
  }

  public void clear(RoutingContext ctx) {
    ctx.response().addCookie(base(ctx, "").setMaxAge(0));
  }

  private Cookie base(RoutingContext ctx, String value) {
    return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(secure(ctx));
  }

  private boolean secure(RoutingContext ctx) {
    return publicUrlIsHttps || ctx.request().isSSL()
        || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
  }
}
