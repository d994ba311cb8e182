package io.quorate.coordinator.heartbeat;

import io.quorate.coordinator.account.Principal;
import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.Ids;
import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.monitor.Durations;
import io.quorate.coordinator.project.ProjectStore;
import io.quorate.coordinator.live.TeamEvent;
import io.quorate.coordinator.live.TeamEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat endpoints beside {@code /api/v1/monitors/{id}}: recent pings and runs, snooze (for a deploy,
 * from CI), pause and resume; and {@code /api/v1/projects} with the ping key of slug URLs.
 */
public final class HeartbeatRoutes {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatRoutes.class);
  private static final Set<String> KINDS = Set.of("success", "start", "fail", "log");
  private static final Duration MAX_SNOOZE = Duration.ofDays(30);
  private final Pool pool;
  private final Clock clock;
  private final HeartbeatDecisions decisions;
  private final Supplier<String> pingBaseUrl;
  private final TeamEvents teamEvents;

  /** @param teamEvents told when a heartbeat is paused or resumed, so team views show it at once */
  public HeartbeatRoutes(Pool pool, Clock clock, HeartbeatDecisions decisions, Supplier<String> pingBaseUrl,
      TeamEvents teamEvents) {
    this.teamEvents = teamEvents;
    this.pool = pool;
    this.clock = clock;
    this.decisions = decisions;
    this.pingBaseUrl = pingBaseUrl;
  }

  public void mount(Router api) {
    api.get("/monitors/:id/pings").handler(this::pings);
    api.get("/monitors/:id/runs").handler(this::runs);
    api.post("/monitors/:id/snooze").handler(this::snooze);
    api.delete("/monitors/:id/snooze").handler(this::endSnooze);
    api.get("/monitors/:id/snoozes").handler(this::snoozes);
    api.post("/monitors/:id/pause").handler(this::pause);
    api.post("/monitors/:id/resume").handler(this::resume);
    api.get("/projects").handler(this::projects);
  }

  private void pings(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    Optional<String> kind = Optional.ofNullable(ctx.request().getParam("kind"));
    if (kind.isPresent() && !KINDS.contains(kind.get())) {
      throw new ValidationException("kind", "must be one of success, start, fail, log; got \"" + kind.get() + "\"");
    }
    PingHistory.pings(pool, id, kind, limit(ctx))
        .onSuccess(pings -> Responses.json(ctx, 200, new JsonObject().put("pings", pings)))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void runs(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    PingHistory.runs(pool, id, limit(ctx))
        .onSuccess(runs -> Responses.json(ctx, 200, new JsonObject().put("runs", runs)))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  /** {@code {"for": "30m"}} or {@code {"until": "2026-11-24T15:00:00Z"}}, with an optional reason and author. */
  private void snooze(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    JsonObject body = Optional.ofNullable(ApiRouter.jsonBody(ctx)).orElseThrow(
        () -> new ValidationException("body", "must be a JSON object such as {\"for\": \"30m\", \"reason\": \"deploy\"}"));
    Instant now = clock.instant();
    Instant until = snoozeEnd(body, now);
    String reason = text(body, "reason", 500);
    String by = Principal.signedInPerson(ctx).orElse(text(body, "by", 200));
    HeartbeatControls.snooze(pool, id, until, reason, by.isEmpty() ? "api" : by, now)
        .onSuccess(snooze -> {
          log.info("heartbeat snoozed monitor={} until={} by=\"{}\"", id, until, snooze.createdBy());
          Responses.json(ctx, 201, new JsonObject().put("id", snooze.id().toString()).put("starts_at", now.toString())
              .put("ends_at", until.toString()).put("reason", reason).put("created_by", snooze.createdBy()));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private static Instant snoozeEnd(JsonObject body, Instant now) {
    if (body.containsKey("for") == body.containsKey("until")) {
      throw new ValidationException("for", "give either \"for\" (a duration such as \"30m\") or \"until\" (a time)");
    }
    Instant until;
    if (body.containsKey("for")) {
      try {
        until = now.plus(Durations.parse(String.valueOf(body.getValue("for"))));
      } catch (IllegalArgumentException e) {
        throw new ValidationException("for", e.getMessage());
      }
    } else {
      try {
        until = Instant.parse(String.valueOf(body.getValue("until")));
      } catch (DateTimeParseException e) {
        throw new ValidationException("until", "must be a time such as \"2026-11-24T15:00:00Z\", got \""
            + body.getValue("until") + "\"");
      }
    }
    String field = body.containsKey("for") ? "for" : "until";
    if (!until.isAfter(now) || until.isAfter(now.plus(MAX_SNOOZE))) {
      throw new ValidationException(field, "a snooze must end in the future and within 30 days");
    }
    return until;
  }

  private void endSnooze(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    HeartbeatControls.endSnooze(pool, id, clock.instant())
        .onSuccess(ended -> {
          log.info("heartbeat snooze ended early monitor={} active={}", id, ended);
          decisions.reconsider(List.of(id));
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void snoozes(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    HeartbeatControls.snoozes(pool, id, limit(ctx))
        .onSuccess(snoozes -> Responses.json(ctx, 200, new JsonObject().put("snoozes", snoozes)))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void pause(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    answerAfter(ctx, id, "paused", HeartbeatControls.pause(pool, id));
  }

  private void resume(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    answerAfter(ctx, id, "resumed", HeartbeatControls.resume(pool, id, clock.instant()));
  }

  private void answerAfter(RoutingContext ctx, UUID id, String what, Future<Void> change) {
    change.compose(v -> decisions.reconsider(List.of(id)))
        .onSuccess(v -> {
          log.info("heartbeat {} monitor={}", what, id);
          teamEvents.publish(TeamEvent.MONITOR_UPDATED, id, java.util.Optional.empty());
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void projects(RoutingContext ctx) {
    ProjectStore.list(pool)
        .onSuccess(projects -> {
          JsonArray out = new JsonArray();
          projects.forEach(p -> out.add(new JsonObject().put("id", p.id().toString()).put("name", p.name())
              .put("ping_key", p.pingKey()).put("slug_url_prefix", pingBaseUrl.get() + "/ping/" + p.pingKey() + "/")));
          Responses.json(ctx, 200, new JsonObject().put("projects", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private static int limit(RoutingContext ctx) {
    String raw = ctx.request().getParam("limit");
    if (raw == null) {
      return 50;
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= 1000) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw new ValidationException("limit", "must be a whole number from 1 to 1000, got \"" + raw + "\"");
  }

  private static String text(JsonObject body, String field, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String text) || text.length() > max) {
      throw new ValidationException(field, "must be text of at most " + max + " characters");
    }
    return text.trim();
  }
}
