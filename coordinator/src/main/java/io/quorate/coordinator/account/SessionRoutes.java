package io.quorate.coordinator.account;

import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out ({@code /session}) and creating the first admin ({@code /setup}). Mounted before the
 * authentication check: these are how a person gets a session in the first place.
 */
public final class SessionRoutes {
  private static final Logger log = LoggerFactory.getLogger(SessionRoutes.class);
  private final Accounts accounts;
  private final Clock clock;

  SessionRoutes(Accounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.post("/session").handler(this::signIn);
    api.get("/session").handler(this::whoAmI);
    api.delete("/session").handler(this::signOut);
    api.get("/setup").handler(this::setupNeeded);
    api.post("/setup").handler(this::setup);
  }

  private void signIn(RoutingContext ctx) {
    AccountRequests.Credentials credentials = AccountRequests.credentials(ApiRouter.jsonBody(ctx));
    String address = ctx.request().remoteAddress().hostAddress();
    Optional<Duration> wait = accounts.throttle().retryAfter(credentials.username(), address);
    if (wait.isPresent()) {
      tooManyAttempts(ctx, wait.get());
      return;
    }
    accounts.users().findByUsername(credentials.username())
        .compose(user -> user.filter(User::active)
            .map(found -> accounts.hasher().matches(credentials.password(), found.passwordHash())
                .map(ok -> ok ? Optional.of(found) : Optional.<User>empty()))
            .orElseGet(() -> accounts.hasher().decoyCheck(credentials.password()).map(ignored -> Optional.empty())))
        .onSuccess(user -> {
          if (user.isEmpty()) {
            accounts.throttle().failed(credentials.username(), address);
            log.info("sign-in refused username=\"{}\" from={}", credentials.username(), address);
            Responses.problem(ctx, 401, "unauthorized", "wrong username or password", null);
            return;
          }
          accounts.throttle().succeeded(credentials.username(), address);
          openSession(ctx, user.get(), 200);
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void whoAmI(RoutingContext ctx) {
    accounts.authenticator().resolve(ctx)
        .onSuccess(principal -> {
          if (principal.isEmpty()) {
            Responses.problem(ctx, 401, "unauthorized", "not signed in", null);
          } else {
            Responses.json(ctx, 200, principal.get().json());
          }
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  /** Ends the browser's session; signing out without a session (or twice) is fine. */
  private void signOut(RoutingContext ctx) {
    Optional<String> sessionId = SessionCookie.read(ctx);
    if (sessionId.isEmpty()) {
      ctx.response().setStatusCode(204).end();
      return;
    }
    accounts.authenticator().resolve(ctx)
        .compose(principal -> {
          if (principal.isPresent() && !Authenticator.csrfMatches(ctx, principal.get())) {
            return Future.failedFuture(new CsrfMissing());
          }
          principal.ifPresent(who -> log.info("signed out username=\"{}\"", who.name()));
          return accounts.sessions().close(sessionId.get());
        })
        .onSuccess(closed -> {
          accounts.cookie().clear(ctx);
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(error -> {
          if (error instanceof CsrfMissing) {
            Responses.problem(ctx, 403, "csrf", "send the session's CSRF token in the " + Authenticator.CSRF_HEADER
                + " header", null);
          } else {
            Responses.failure(ctx, error);
          }
        });
  }

  private void setupNeeded(RoutingContext ctx) {
    accounts.users().anyExist()
        .onSuccess(any -> Responses.json(ctx, 200, new JsonObject().put("needed", !any)
            .put("message", any ? "setup is done: sign in" : "no users yet: create the first admin with the setup"
                + " token from this coordinator's log")))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void setup(RoutingContext ctx) {
    JsonObject body = ApiRouter.jsonBody(ctx);
    Object presented = body.getValue("setup_token");
    if (!(presented instanceof String token) || token.isBlank()) {
      throw new ValidationException("setup_token", "setup_token is required: it is printed in the coordinator's log");
    }
    String address = ctx.request().remoteAddress().hostAddress();
    Optional<Duration> wait = accounts.throttle().retryAfter("(setup)", address);
    if (wait.isPresent()) {
      tooManyAttempts(ctx, wait.get());
      return;
    }
    AccountRequests.NewUser admin = AccountRequests.newUser(body.copy().put("role", "admin"));
    if (!accounts.setupToken().matches(token)) {
      accounts.throttle().failed("(setup)", address);
      accounts.users().anyExist().onComplete(any -> Responses.problem(ctx, any.succeeded() && any.result() ? 409 : 403,
          any.succeeded() && any.result() ? "conflict" : "forbidden", any.succeeded() && any.result()
              ? "setup is done: sign in" : "the setup token is not valid (see this coordinator's log)", "setup_token"));
      return;
    }
    accounts.hasher().hash(admin.password())
        .compose(hash -> accounts.users().createFirstAdmin(admin.username(), hash, clock.instant()))
        .onSuccess(created -> {
          if (created.isEmpty()) {
            Responses.problem(ctx, 409, "conflict", "setup is done: sign in", null);
            return;
          }
          log.info("first admin created username=\"{}\"", created.get().username());
          openSession(ctx, created.get(), 201);
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void openSession(RoutingContext ctx, User user, int status) {
    accounts.sessions().open(user.id(), clock.instant())
        .onSuccess(opened -> {
          accounts.cookie().set(ctx, opened.id().reveal(), accounts.sessions().lifetime());
          log.info("signed in username=\"{}\" role={}", user.username(), user.role().code());
          Responses.json(ctx, status, new Principal(user.username(), user.role(), Principal.Kind.SESSION,
              Optional.of(opened.csrfToken())).json().put("expires_at", opened.expiresAt().toString()));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private static void tooManyAttempts(RoutingContext ctx, Duration wait) {
    long seconds = Math.max(1, wait.toSeconds());
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    Responses.problem(ctx, 429, "too_many_attempts", "too many failed attempts: try again in " + seconds + " s", null);
  }

  /** A sign-out with a session cookie but without its CSRF token (another site's page could have sent it). */
  private static final class CsrfMissing extends RuntimeException {
    CsrfMissing() {
      super("csrf token missing", null, false, false);
    }
  }
}
