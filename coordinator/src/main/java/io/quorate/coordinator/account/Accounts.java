package io.quorate.coordinator.account;

import io.quorate.coordinator.auth.TokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything about who may use the API and the team view, put together once per node. */
public final class Accounts {
  private static final Logger log = LoggerFactory.getLogger(Accounts.class);
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private final UserStore users;
  private final SessionStore sessions;
  private final ApiKeyStore keys;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final SessionCookie cookie;
  private final Authenticator authenticator;
  private final Clock clock;
  private volatile SetupToken setupToken = SetupToken.none();

  public Accounts(Vertx vertx, Pool pool, TokenVerifier adminToken, boolean publicUrlIsHttps, Clock clock) {
    this.users = new UserStore(pool);
    this.sessions = new SessionStore(pool, SESSION_LIFETIME);
    this.keys = new ApiKeyStore(pool);
    this.hasher = new PasswordHasher(vertx);
    this.throttle = LoginThrottle.standard(clock);
    this.cookie = new SessionCookie(publicUrlIsHttps);
    this.authenticator = new Authenticator(adminToken, sessions, keys, clock);
    this.clock = clock;
  }

  /**
   * With no users yet, makes this node's setup token and prints it: the one secret that goes to the log on
   * purpose, because whoever can read the log already runs the coordinator, and it is useless once a first
   * admin exists.
   */
  public Future<Void> start(String setupUrl) {
    return users.anyExist().map(any -> {
      if (!any) {
        setupToken = SetupToken.fresh();
        log.warn("no users yet: create the first admin at {} with the setup token {}"
            + " (or use the admin token with POST /api/v1/users)", setupUrl, setupToken.secret().orElseThrow().reveal());
      }
      return null;
    });
  }

  /** Routes that work without signing in: sign in and out, first-admin setup. */
  public void mountOpen(Router api) {
    new SessionRoutes(this, clock).mount(api);
  }

  /** Routes behind the authentication check: users and API keys (admins only). */
  public void mountSecured(Router api) {
    new UserRoutes(this, clock).mount(api);
    new ApiKeyRoutes(keys, clock).mount(api);
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  UserStore users() {
    return users;
  }

  SessionStore sessions() {
    return sessions;
  }

  PasswordHasher hasher() {
    return hasher;
  }

  LoginThrottle throttle() {
    return throttle;
  }

  SessionCookie cookie() {
    return cookie;
  }

  SetupToken setupToken() {
    return setupToken;
  }
}
