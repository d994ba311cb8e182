package io.quorate.coordinator.checktest;

import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.Ids;
import io.quorate.coordinator.api.NotFoundException;
import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.link.Assignments;
import io.quorate.coordinator.monitor.HttpSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorDraft;
import io.quorate.coordinator.monitor.MonitorRequests;
import io.quorate.coordinator.monitor.MonitorStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a monitor once from every region before it is saved, so a wrong path or token shows up in the form,
 * not at 3 a.m.:
 * <ul>
 *   <li>{@code POST /api/v1/monitors/test} with a draft monitor body (as for create);</li>
 *   <li>{@code POST /api/v1/monitors/{id}/test} for a saved monitor, optionally with an edited body whose
 *       secrets may be sent back as {@code "****"} (the stored ones are used).</li>
 * </ul>
 * Nothing is stored; the answer has each region's outcome and condition lines.
 */
public final class CheckTestRoutes {
  private static final Logger log = LoggerFactory.getLogger(CheckTestRoutes.class);
  private static final String DRAFT_NAME = "draft";
  private final MonitorStore monitors;
  private final CheckTester tester;

  public CheckTestRoutes(MonitorStore monitors, CheckTester tester) {
    this.monitors = monitors;
    this.tester = tester;
  }

  public void mount(Router api) {
    api.post("/monitors/test").handler(this::testDraft);
    api.post("/monitors/:id/test").handler(this::testSaved);
  }

  private void testDraft(RoutingContext ctx) {
    JsonObject body = withDefaultName(ApiRouter.jsonBody(ctx));
    monitors.knownRegions()
        .map(regions -> MonitorRequests.parse(body, Optional.empty(), regions))
        .compose(draft -> run(draft, "draft-" + UUID.randomUUID()))
        .onSuccess(report -> Responses.json(ctx, 200, report.toJson()))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void testSaved(RoutingContext ctx) {
    UUID id = Ids.parse(ctx.pathParam("id"), "monitor");
    boolean edited = ctx.body().length() > 0;
    JsonObject body = edited ? withDefaultName(ApiRouter.jsonBody(ctx)) : null;
    Future.all(monitors.find(id), monitors.knownRegions())
        .compose(found -> {
          Optional<Monitor> saved = found.resultAt(0);
          if (saved.isEmpty()) {
            return Future.failedFuture(new NotFoundException("monitor " + id));
          }
          MonitorDraft draft = edited
              ? MonitorRequests.parse(body, saved, found.resultAt(1))
              : new MonitorDraft(saved.get().name(), saved.get().spec(), saved.get().alerting(), saved.get().listing());
          return run(draft, id.toString());
        })
        .onSuccess(report -> Responses.json(ctx, 200, report.toJson()))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private Future<CheckTestReport> run(MonitorDraft draft, String monitorId) {
    if (!(draft.spec() instanceof HttpSpec http)) {
      return Future.failedFuture(new ValidationException("type",
          "only http monitors can be tested; test a heartbeat by calling its ping URL"));
    }
    return tester.run(Assignments.check(monitorId, 0, draft.name(), http), http.regions())
        .onSuccess(report -> log.info("monitor tested monitor={} summary=\"{}\"", monitorId, report.summary()));
  }

  /** A draft being tried out may not have a name yet. */
  private static JsonObject withDefaultName(JsonObject body) {
    if (body != null && !body.containsKey("name")) {
      body.put("name", DRAFT_NAME);
    }
    return body;
  }
}
