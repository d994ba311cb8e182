package io.quorate.coordinator.account;

import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.Ids;
import io.quorate.coordinator.api.NotFoundException;
import io.quorate.coordinator.api.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /users} (admins only): list, create, change role or password, disable, delete. Any change to a
 * person's access signs them out everywhere, so it takes effect at once, not when a session ends.
 */
public final class UserRoutes {
  private static final Logger log = LoggerFactory.getLogger(UserRoutes.class);
  private final Accounts accounts;
  private final Clock clock;

  UserRoutes(Accounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.route("/users*").handler(Authenticator::requireAdmin);
    api.get("/users").handler(this::list);
    api.post("/users").handler(this::create);
    api.get("/users/:id").handler(this::get);
    api.patch("/users/:id").handler(this::update);
    api.delete("/users/:id").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    accounts.users().list()
        .onSuccess(users -> {
          JsonArray out = new JsonArray();
          users.forEach(user -> out.add(user.json()));
          Responses.json(ctx, 200, new JsonObject().put("users", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void create(RoutingContext ctx) {
    AccountRequests.NewUser draft = AccountRequests.newUser(ApiRouter.jsonBody(ctx));
    String by = Principal.of(ctx).name();
    accounts.hasher().hash(draft.password())
        .compose(hash -> accounts.users().create(draft.username(), hash, draft.role(), by, clock.instant()))
        .onSuccess(user -> {
          log.info("user created username=\"{}\" role={} by=\"{}\"", user.username(), user.role().code(), by);
          ctx.response().putHeader("Location", "/api/v1/users/" + user.id());
          Responses.json(ctx, 201, user.json());
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void get(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "user");
    accounts.users().find(id)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFoundException("user " + id))))
        .onSuccess(user -> Responses.json(ctx, 200, user.json()))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void update(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "user");
    AccountRequests.UserChange change = AccountRequests.userChange(ApiRouter.jsonBody(ctx));
    Future<Optional<String>> hash = change.password().isPresent()
        ? accounts.hasher().hash(change.password().get()).map(Optional::of) : Future.succeededFuture(Optional.empty());
    hash.compose(newHash -> accounts.users().update(id,
            new UserStore.Change(change.role(), newHash, change.disabled()), clock.instant()))
        .compose(updated -> updated.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFoundException("user " + id))))
        .compose(user -> accounts.sessions().closeAllOf(user.id()).map(user))
        .onSuccess(user -> {
          log.info("user changed username=\"{}\" role={} state={} password_changed={} by=\"{}\"", user.username(),
              user.role().code(), user.active() ? "active" : "disabled", change.password().isPresent(),
              Principal.of(ctx).name());
          Responses.json(ctx, 200, user.json());
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void delete(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "user");
    accounts.users().delete(id)
        .onSuccess(deleted -> {
          if (!deleted) {
            Responses.failure(ctx, new NotFoundException("user " + id));
            return;
          }
          log.info("user deleted user_id={} by=\"{}\"", id, Principal.of(ctx).name());
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }
}
