package io.quorate.coordinator.account;

import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.ConflictException;
import io.quorate.coordinator.api.Ids;
import io.quorate.coordinator.api.NotFoundException;
import io.quorate.coordinator.api.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api-keys} (admins only): create a key (shown in that answer only), list keys without their
 * value, revoke one. A revoked key is refused from the next request on, on every node (keys are looked up
 * in the database on each call, not cached).
 */
public final class ApiKeyRoutes {
  private static final Logger log = LoggerFactory.getLogger(ApiKeyRoutes.class);
  private final ApiKeyStore keys;
  private final Clock clock;

  ApiKeyRoutes(ApiKeyStore keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.route("/api-keys*").handler(Authenticator::requireAdmin);
    api.get("/api-keys").handler(this::list);
    api.post("/api-keys").handler(this::create);
    api.delete("/api-keys/:id").handler(this::revoke);
  }

  private void list(RoutingContext ctx) {
    keys.list()
        .onSuccess(all -> {
          JsonArray out = new JsonArray();
          all.forEach(key -> out.add(key.json()));
          Responses.json(ctx, 200, new JsonObject().put("api_keys", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void create(RoutingContext ctx) {
    AccountRequests.NewKey draft = AccountRequests.newKey(ApiRouter.jsonBody(ctx));
    String by = Principal.of(ctx).name();
    keys.create(draft.name(), draft.scope(), by, clock.instant())
        .onSuccess(created -> {
          log.info("api key created key_id={} name=\"{}\" scope={} by=\"{}\"", created.apiKey().id(),
              created.apiKey().name(), created.apiKey().scope().code(), by);
          ctx.response().putHeader("Location", "/api/v1/api-keys/" + created.apiKey().id());
          Responses.json(ctx, 201, created.apiKey().json().put("key", created.key().reveal())
              .put("note", "shown once: send it as Authorization: Bearer <key>"));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void revoke(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "API key");
    keys.revoke(id, clock.instant())
        .compose(revoked -> revoked.isPresent() ? Future.succeededFuture(revoked.get())
            : keys.find(id).compose(found -> Future.<ApiKey>failedFuture(found.isEmpty()
                ? new NotFoundException("API key " + id) : new ConflictException("API key " + id + " is already revoked"))))
        .onSuccess(key -> {
          log.info("api key revoked key_id={} name=\"{}\" by=\"{}\"", key.id(), key.name(), Principal.of(ctx).name());
          Responses.json(ctx, 200, key.json());
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }
}
