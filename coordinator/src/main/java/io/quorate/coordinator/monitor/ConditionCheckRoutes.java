package io.quorate.coordinator.monitor;

import io.quorate.condition.Condition;
import io.quorate.condition.ConditionSyntaxException;
import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code POST /api/v1/conditions/validate} with {@code {"conditions": ["…", …]}}: checks every condition
 * the way saving a monitor would, but reports each bad line instead of stopping at the first, so a form can
 * mark the lines as they are typed. Answers {@code {"ok": true|false, "errors": [{"index", "field",
 * "condition", "problem", "message"}]}}; stores nothing. Parsing is pure and fast, so it runs on the event
 * loop.
 */
public final class ConditionCheckRoutes {
  private static final int MAX_CONDITIONS = 50;

  public void mount(Router api) {
    api.post("/conditions/validate").handler(this::validate);
  }

  private void validate(RoutingContext ctx) {
    JsonObject body = ApiRouter.jsonBody(ctx);
    if (!(body.getValue("conditions") instanceof JsonArray conditions)) {
      throw new ValidationException("conditions", "must be an array of conditions such as [\"[BODY].enqueued < 1000\"]");
    }
    if (conditions.size() > MAX_CONDITIONS) {
      throw new ValidationException("conditions", "at most " + MAX_CONDITIONS + " conditions per monitor");
    }
    JsonArray errors = errors(conditions);
    Responses.json(ctx, 200, new JsonObject().put("ok", errors.isEmpty()).put("errors", errors));
  }

  /** One entry per line that saving would refuse: not text, blank, unparsable, or listed twice. */
  static JsonArray errors(JsonArray conditions) {
    JsonArray errors = new JsonArray();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < conditions.size(); i++) {
      Object value = conditions.getValue(i);
      String text = value instanceof String s ? s.trim() : "";
      String problem = problem(value, text, seen);
      if (problem != null) {
        errors.add(new JsonObject().put("index", i).put("field", "conditions[" + i + "]").put("condition", text)
            .put("problem", problem).put("message", "conditions[" + i + "]: " + problem));
      }
    }
    return errors;
  }

  private static String problem(Object value, String text, Set<String> seen) {
    if (!(value instanceof String) || text.isEmpty()) {
      return "must be a non-empty string such as \"[BODY].enqueued < 1000\"";
    }
    try {
      Condition.parse(text);
    } catch (ConditionSyntaxException e) {
      return e.problem();
    }
    return seen.add(text) ? null : "\"" + text + "\" is listed twice";
  }
}
