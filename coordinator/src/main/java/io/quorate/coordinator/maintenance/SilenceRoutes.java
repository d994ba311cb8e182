package io.quorate.coordinator.maintenance;

import io.quorate.coordinator.account.Principal;
import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.ConflictException;
import io.quorate.coordinator.api.Ids;
import io.quorate.coordinator.api.NotFoundException;
import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/silences}: create, list (expired ones included, for the record), read, and expire early with
 * {@code POST /silences/{id}/expire} and {@code {"by": "alice"}} (or {@code DELETE /silences/{id}?by=alice}).
 */
public final class SilenceRoutes {
  private static final Logger log = LoggerFactory.getLogger(SilenceRoutes.class);
  private static final int LIMIT = 1000;
  private final Pool pool;
  private final Clock clock;

  public SilenceRoutes(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.post("/silences").handler(this::create);
    api.get("/silences").handler(this::list);
    api.get("/silences/:id").handler(this::get);
    api.post("/silences/:id/expire").handler(ctx -> expire(ctx, by(ctx, ApiRouter.jsonBody(ctx).getValue("by"))));
    api.delete("/silences/:id").handler(ctx -> expire(ctx, by(ctx, ctx.queryParams().get("by"))));
  }

  private void create(RoutingContext ctx) {
    Instant now = clock.instant();
    JsonObject body = ApiRouter.jsonBody(ctx);
    Principal.signedInPerson(ctx).ifPresent(person -> body.put("created_by", person));
    SilenceStore.Draft draft = SilenceRequests.parse(body, now);
    KnownMonitors.check(pool, draft.matchers())
        .compose(known -> SilenceStore.create(pool, draft, now))
        .onSuccess(silence -> {
          log.info("silence created silence={} by=\"{}\" until={}", silence.id(), silence.createdBy(),
              silence.endsAt());
          ctx.response().putHeader("Location", "/api/v1/silences/" + silence.id());
          Responses.json(ctx, 201, HoldJson.silence(silence, now));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void list(RoutingContext ctx) {
    Instant now = clock.instant();
    SilenceStore.list(pool, LIMIT)
        .onSuccess(silences -> {
          JsonArray out = new JsonArray();
          silences.forEach(s -> out.add(HoldJson.silence(s, now)));
          Responses.json(ctx, 200, new JsonObject().put("silences", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void get(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "silence");
    SilenceStore.find(pool, id)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFoundException("silence " + id))))
        .onSuccess(silence -> Responses.json(ctx, 200, HoldJson.silence(silence, clock.instant())))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  /** Expiring twice, or after the end, is a conflict: the record keeps the first expiry. */
  private void expire(RoutingContext ctx, String by) {
    UUID id = Ids.parse(ctx.pathParam("id"), "silence");
    Instant now = clock.instant();
    SilenceStore.expire(pool, id, by, now)
        .compose(expired -> expired.isPresent() ? Future.succeededFuture(expired.get())
            : SilenceStore.find(pool, id).compose(found -> Future.<Silence>failedFuture(found.isEmpty()
                ? new NotFoundException("silence " + id)
                : new ConflictException("silence " + id + " has already expired"))))
        .onSuccess(silence -> {
          log.info("silence expired early silence={} by=\"{}\"", id, by);
          Responses.json(ctx, 200, HoldJson.silence(silence, now));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private static String by(RoutingContext ctx, Object value) {
    Optional<String> person = Principal.signedInPerson(ctx);
    if (person.isPresent()) {
      return person.get();
    }
    if (!(value instanceof String name) || name.isBlank()) {
      throw new ValidationException("by", "by is required: the name of the person expiring the silence");
    }
    if (name.strip().length() > 100) {
      throw new ValidationException("by", "by must be at most 100 characters");
    }
    return name.strip();
  }
}
