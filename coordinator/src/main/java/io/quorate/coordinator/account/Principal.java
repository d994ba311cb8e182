package io.quorate.coordinator.account;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Who sent a request: a signed-in person (session cookie), a script (API key), or the operator (the admin
 * token from the coordinator's configuration). {@code csrfToken} is present for sessions only: a cookie is
 * sent by the browser on its own, so a change made with one must also carry this token.
 */
public record Principal(String name, Role role, Kind kind, Optional<String> csrfToken) {
  public enum Kind {
    SESSION("session"), API_KEY("api_key"), ADMIN_TOKEN("admin_token");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private static final String CONTEXT_KEY = "quorate.principal";

  public static Principal of(RoutingContext ctx) {
    return ctx.get(CONTEXT_KEY);
  }

  /**
   * The signed-in person behind a request, when it came with a session: such a person acts under their own
   * name, whatever a {@code by} field says. Scripts (API keys, the admin token) name who acts themselves.
   */
  public static Optional<String> signedInPerson(RoutingContext ctx) {
    Principal principal = of(ctx);
    return principal != null && principal.kind() == Kind.SESSION ? Optional.of(principal.name()) : Optional.empty();
  }

  void attachTo(RoutingContext ctx) {
    ctx.put(CONTEXT_KEY, this);
  }

  public JsonObject json() {
    return new JsonObject().put("user", new JsonObject().put("username", name).put("role", role.code()))
        .put("kind", kind.code()).put("csrf_token", csrfToken.orElse(null));
  }
}
