package io.quorate.coordinator.probetoken;

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
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/probe-tokens}: create a region's enrollment token (the token is in that one answer only),
 * list them without their secret together with the recently refused probe links, and revoke one with
 * {@code DELETE /probe-tokens/{id}}, which ends its probes' links on every node within seconds.
 */
public final class ProbeTokenRoutes {
  private static final Logger log = LoggerFactory.getLogger(ProbeTokenRoutes.class);
  private static final int RECENT_REFUSALS = 50;
  private final ProbeTokenStore tokens;
  private final Refusals refusals;
  private final Consumer<UUID> announceRevoked;
  private final Clock clock;

  public ProbeTokenRoutes(ProbeTokenStore tokens, Refusals refusals, Consumer<UUID> announceRevoked, Clock clock) {
    this.tokens = tokens;
    this.refusals = refusals;
    this.announceRevoked = announceRevoked;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.post("/probe-tokens").handler(this::create);
    api.get("/probe-tokens").handler(this::list);
    api.delete("/probe-tokens/:id").handler(this::revoke);
  }

  private void create(RoutingContext ctx) {
    ProbeTokenRequests.Draft draft = ProbeTokenRequests.parse(ApiRouter.jsonBody(ctx));
    tokens.create(draft.region(), draft.name(), draft.createdBy(), clock.instant())
        .onSuccess(created -> {
          ProbeToken token = created.token();
          log.info("probe token created token_id={} region={} name=\"{}\"", token.id(), token.region(), token.name());
          ctx.response().putHeader("Location", "/api/v1/probe-tokens/" + token.id());
          Responses.json(ctx, 201, json(token).put("token", created.secret().reveal())
              .put("note", "shown once: give it to the region's probe as QUORATE_PROBE_TOKEN"));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void list(RoutingContext ctx) {
    Future.all(tokens.list(), refusals.recent(RECENT_REFUSALS))
        .onSuccess(all -> {
          JsonArray listed = new JsonArray();
          all.<java.util.List<ProbeToken>>resultAt(0).forEach(token -> listed.add(json(token)));
          JsonArray refused = new JsonArray();
          all.<java.util.List<Refusals.Refusal>>resultAt(1).forEach(refusal -> refused.add(json(refusal)));
          Responses.json(ctx, 200, new JsonObject().put("probe_tokens", listed).put("recent_refusals", refused));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  /** Revoking twice is a conflict: the record keeps the first revocation. */
  private void revoke(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "probe token");
    tokens.revoke(id, clock.instant())
        .compose(revoked -> revoked.isPresent() ? Future.succeededFuture(revoked.get())
            : tokens.find(id).compose(found -> Future.<ProbeToken>failedFuture(found.isEmpty()
                ? new NotFoundException("probe token " + id)
                : new ConflictException("probe token " + id + " is already revoked"))))
        .onSuccess(token -> {
          log.info("probe token revoked token_id={} region={}", token.id(), token.region());
          announceRevoked.accept(token.id());
          Responses.json(ctx, 200, json(token));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private static JsonObject json(ProbeToken token) {
    return new JsonObject().put("id", token.id().toString()).put("region", token.region()).put("name", token.name())
        .put("state", token.revoked() ? "revoked" : "active")
        .put("created_at", token.createdAt().toString())
        .put("created_by", token.createdBy().orElse(null))
        .put("last_used_at", text(token.lastUsedAt()))
        .put("revoked_at", text(token.revokedAt()));
  }

  private static JsonObject json(Refusals.Refusal refusal) {
    return new JsonObject().put("at", refusal.at().toString())
        .put("region_claimed", refusal.regionClaimed().orElse(null))
        .put("remote_address", refusal.remoteAddress())
        .put("reason", refusal.reason().code())
        .put("message", refusal.message())
        .put("token_id", refusal.tokenId().map(UUID::toString).orElse(null))
        .put("coordinator_node", refusal.coordinatorNode());
  }

  private static String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }
}
