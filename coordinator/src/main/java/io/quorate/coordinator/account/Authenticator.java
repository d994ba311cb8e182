package io.quorate.coordinator.account;

import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.auth.TokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds who sent an API request and whether they may do it. A bearer token (an API key {@code qk_...} or
 * the operator's admin token) wins over a session cookie. Anyone signed in may read; changes need an
 * editor (or a read-write key), and changes made with a session cookie also need its CSRF token in
 * {@value #CSRF_HEADER}, which another site cannot read and so cannot send.
 */
public final class Authenticator {
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private final TokenVerifier adminToken;
  private final SessionStore sessions;
  private final ApiKeyStore keys;
  private final Clock clock;

  public Authenticator(TokenVerifier adminToken, SessionStore sessions, ApiKeyStore keys, Clock clock) {
    this.adminToken = adminToken;
    this.sessions = sessions;
    this.keys = keys;
    this.clock = clock;
  }

  /** The route handler in front of every private API route. */
  public void handle(RoutingContext ctx) {
    resolve(ctx).onComplete(found -> {
      if (found.failed()) {
        Responses.failure(ctx, found.cause());
      } else if (found.result().isEmpty()) {
        unauthorized(ctx);
      } else {
        admit(ctx, found.result().get());
      }
    });
  }

  /** Who sent the request, or empty when nobody (or an unknown token or expired session) did. */
  public Future<Optional<Principal>> resolve(RoutingContext ctx) {
    String bearer = TokenVerifier.bearer(ctx.request().getHeader("Authorization"));
    if (bearer != null) {
      return fromBearer(bearer);
    }
    return SessionCookie.read(ctx)
        .map(id -> sessions.find(id, clock.instant()).map(live -> live.map(Authenticator::fromSession)))
        .orElse(Future.succeededFuture(Optional.empty()));
  }

  /** Whether a change sent with a session cookie carries that session's CSRF token. */
  public static boolean csrfMatches(RoutingContext ctx, Principal principal) {
    if (principal.kind() != Principal.Kind.SESSION) {
      return true; // a bearer token is never sent by a browser on its own
    }
    String sent = ctx.request().getHeader(CSRF_HEADER);
    return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        principal.csrfToken().orElseThrow().getBytes(StandardCharsets.UTF_8));
  }

  /** Handler for routes that manage access (users, API keys, probe tokens): admins only. */
  public static void requireAdmin(RoutingContext ctx) {
    Principal principal = Principal.of(ctx);
    if (principal == null || principal.role() != Role.ADMIN) {
      Responses.problem(ctx, 403, "forbidden", "only an admin may manage users, API keys and probe tokens"
          + (principal != null && principal.kind() == Principal.Kind.API_KEY ? "; API keys never can" : ""), null);
      return;
    }
    ctx.next();
  }

  private Future<Optional<Principal>> fromBearer(String bearer) {
    if (bearer.startsWith(ApiKeyStore.KEY_PREFIX)) {
      return keys.use(bearer, clock.instant()).map(key -> key.map(found ->
          new Principal("api key " + found.name(), found.scope().role(), Principal.Kind.API_KEY, Optional.empty())));
    }
    return Future.succeededFuture(adminToken.matches(bearer)
        ? Optional.of(new Principal("admin token", Role.ADMIN, Principal.Kind.ADMIN_TOKEN, Optional.empty()))
        : Optional.empty());
  }

  private static Principal fromSession(SessionStore.Live live) {
    return new Principal(live.user().username(), live.user().role(), Principal.Kind.SESSION,
        Optional.of(live.csrfToken()));
  }

  private static void admit(RoutingContext ctx, Principal principal) {
    boolean change = isChange(ctx.request().method());
    if (change && !csrfMatches(ctx, principal)) {
      Responses.problem(ctx, 403, "csrf", "send the session's CSRF token in the " + CSRF_HEADER
          + " header (from POST or GET /api/v1/session)", null);
    } else if (change && !principal.role().canWrite()) {
      Responses.problem(ctx, 403, "forbidden", principal.kind() == Principal.Kind.API_KEY
          ? "this API key is read-only" : principal.name() + " is a viewer and cannot make changes", null);
    } else {
      principal.attachTo(ctx);
      ctx.next();
    }
  }

  private static void unauthorized(RoutingContext ctx) {
    boolean presented = ctx.request().getHeader("Authorization") != null || SessionCookie.read(ctx).isPresent();
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    Responses.problem(ctx, 401, "unauthorized", presented
        ? "the token, key or session is not valid (sessions end after a while: sign in again)"
        : "sign in, or send an API key or the admin token as Authorization: Bearer <token>", null);
  }

  static boolean isChange(HttpMethod method) {
    return !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
  }
}
