package io.quorate.coordinator.incident;

import io.quorate.coordinator.account.Principal;
import io.quorate.coordinator.api.ApiRouter;
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
import io.quorate.coordinator.maintenance.Hold;
import io.quorate.coordinator.maintenance.Holds;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.UUID;

/**
 * Incidents over HTTP: {@code GET /incidents?state=open|resolved|all}; {@code GET /incidents/{id}} with its
 * timeline and grouped failures; {@code POST /incidents/{id}/acknowledge|notes|resolve}, each with a body
 * naming who acts ({@code {"by": "dana", "note": "..."}}); {@code POST /incidents/{id}/public-updates} with
 * {@code {"status", "message", "by"}}: what the public status page says about it.
 */
public final class IncidentRoutes {
  private static final int LIMIT = 500;
  private static final int MAX_BY = 100;
  private static final int MAX_NOTE = 4000;
  private final Pool pool;
  private final Clock clock;
  private final IncidentActions actions;

  public IncidentRoutes(Pool pool, Clock clock, IncidentActions actions) {
    this.pool = pool;
    this.clock = clock;
    this.actions = actions;
  }

  public void mount(Router api) {
    api.get("/incidents").handler(this::list);
    api.get("/incidents/:id").handler(this::get);
    api.post("/incidents/:id/acknowledge").handler(ctx -> act(ctx, (id, body) ->
        actions.acknowledge(id, by(ctx, body), text(body, "note", false))));
    api.post("/incidents/:id/notes").handler(ctx -> act(ctx, (id, body) ->
        actions.addNote(id, by(ctx, body), text(body, "text", true))));
    api.post("/incidents/:id/resolve").handler(ctx -> act(ctx, (id, body) ->
        actions.resolve(id, by(ctx, body), text(body, "note", false))));
    api.post("/incidents/:id/public-updates").handler(this::addPublicUpdate);
  }

  private void list(RoutingContext ctx) {
    String state = ctx.queryParams().get("state");
    IncidentStore.IncidentFilter filter;
    try {
      filter = state == null ? IncidentStore.IncidentFilter.ALL
          : IncidentStore.IncidentFilter.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("state", "must be open, resolved or all");
    }
    IncidentStore.list(pool, filter, LIMIT)
        .onSuccess(incidents -> {
          JsonArray out = new JsonArray();
          incidents.forEach(i -> out.add(IncidentJson.toJson(i)));
          Responses.json(ctx, 200, new JsonObject().put("incidents", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void get(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "incident");
    detail(id).onSuccess(json -> Responses.json(ctx, 200, json)).onFailure(error -> Responses.failure(ctx, error));
  }

  /** The incident as the incident page shows it: its fields, its timeline, its failures grouped. */
  private Future<JsonObject> detail(UUID id) {
    return IncidentStore.find(pool, id, false).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new NotFoundException("incident " + id));
      }
      Incident incident = found.get();
      Instant now = clock.instant();
      return Future.all(IncidentTimeline.read(pool, id), IncidentFailures.read(pool, incident, now),
              MonitorStore.find(pool, incident.monitorId(), false), Holds.load(pool, now),
              PublicUpdateStore.of(pool, id))
          .map(parts -> putHolds(IncidentJson.toJson(incident), incident, parts.resultAt(2), parts.resultAt(3), now)
              .put("timeline", parts.<JsonArray>resultAt(0))
              .put("failure_buckets", parts.<JsonArray>resultAt(1))
              .put("public_updates", new JsonArray(parts.<List<PublicUpdate>>resultAt(4).stream()
                  .map(PublicUpdate::toJson).toList())));
    });
  }

  /** {@code alerts_held}: an open incident's alerts are not going out now; {@code held_by}: what holds them. */
  private static JsonObject putHolds(JsonObject json, Incident incident, Optional<Monitor> monitor, Holds holds,
      Instant now) {
    List<Hold> current = incident.isOpen() ? monitor.map(holds::of).orElse(List.of()) : List.of();
    JsonArray heldBy = new JsonArray();
    current.forEach(hold -> heldBy.add(hold.toJson(now)));
    return json.put("alerts_held", incident.isOpen() && (incident.downAlertHeld() || !current.isEmpty()))
        .put("held_by", heldBy);
  }

  /** Answers 201 with the incident, its public updates included; 404 (nothing stored) for an unknown incident. */
  private void addPublicUpdate(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "incident");
    JsonObject body = ApiRouter.jsonBody(ctx);
    Principal.signedInPerson(ctx).ifPresent(person -> body.put("by", person));
    PublicUpdate update = PublicUpdateRequests.parse(id, body, clock.instant());
    PublicUpdateStore.add(pool, update)
        .compose(added -> added ? detail(id) : Future.failedFuture(new NotFoundException("incident " + id)))
        .onSuccess(json -> Responses.json(ctx, 201, json))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private interface Action {
    Future<Incident> apply(UUID id, JsonObject body);
  }

  private void act(RoutingContext ctx, Action action) {
    UUID id = Ids.parse(ctx.pathParam("id"), "incident");
    JsonObject body = ApiRouter.jsonBody(ctx);
    action.apply(id, body)
        .compose(done -> detail(id))
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  /** Who acts: required, so the timeline never says "acknowledged by nobody". */
  private static String by(RoutingContext ctx, JsonObject body) {
    Optional<String> person = Principal.signedInPerson(ctx);
    if (person.isPresent()) {
      return person.get();
    }
    Object by = body.getValue("by");
    if (!(by instanceof String name) || name.isBlank()) {
      throw new ValidationException("by", "by is required: the name of the person acting");
    }
    if (name.strip().length() > MAX_BY) {
      throw new ValidationException("by", "by must be at most " + MAX_BY + " characters");
    }
    return name.strip();
  }

  private static String text(JsonObject body, String field, boolean required) {
    Object value = body.getValue(field);
    if (value == null && !required) {
      return "";
    }
    if (!(value instanceof String text) || (required && text.isBlank())) {
      throw new ValidationException(field, field + (required ? " is required and" : "") + " must be text");
    }
    if (text.length() > MAX_NOTE) {
      throw new ValidationException(field, field + " must be at most " + MAX_NOTE + " characters");
    }
    return text.strip();
  }
}
