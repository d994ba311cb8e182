package io.quorate.local;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Creates the sample monitors and the webhook channel through the REST API, unless they already exist
 * (by monitor name, by channel URL), so restarting the launcher never duplicates them.
 */
final class SampleSetup {
  static final String QUEUE_MONITOR = "Receipt emails queue";
  static final String HEARTBEAT_MONITOR = "Nightly invoice export";
  static final String ADMIN_USER = "admin";
  private static final long CALL_TIMEOUT_MS = 10_000;
  private static final int ATTEMPTS = 5;
  private static final long RETRY_DELAY_MS = 2000;

  /** What the banner needs from the API. */
  record Result(Optional<String> heartbeatPingUrl) {}

  /** The API answered with an unexpected status. */
  static final class ApiException extends RuntimeException {
    final int status;

    ApiException(String call, int status, String message) {
      super(call + " answered HTTP " + status + (message == null ? "" : ": " + message));
      this.status = status;
    }
  }

  private final Vertx vertx;
  private final WebClient client;
  private final String host;
  private final int port;
  private final Secret adminToken;
  private final Secret adminPassword;
  private final Console console;

  SampleSetup(Vertx vertx, WebClient client, String host, int port, Secret adminToken, Secret adminPassword,
      Console console) {
    this.vertx = vertx;
    this.client = client;
    this.host = host;
    this.port = port;
    this.adminToken = adminToken;
    this.adminPassword = adminPassword;
    this.console = console;
  }

  static JsonObject queueMonitor(String queueUrl) {
    return new JsonObject()
        .put("name", QUEUE_MONITOR).put("type", "http").put("url", queueUrl).put("method", "GET")
        .put("interval", "5s").put("timeout", "3s")
        .put("conditions", new JsonArray().add("[STATUS] == 200").add("[BODY].enqueued < 1000")
            .add("[BODY].oldest_age_s < 5m").add("[BODY].dead == 0"))
        .put("series", new JsonObject().put("depth", "[BODY].enqueued").put("oldest_job_age", "[BODY].oldest_age_s")
            .put("dead_letter_depth", "[BODY].dead"))
        .put("regions", new JsonArray(Topology.REGIONS))
        .put("quorum", 2).put("confirmations", 2)
        .put("public", true); // so the demo's public status page (/status) has a component to show
  }

  static JsonObject heartbeatMonitor() {
    return new JsonObject().put("name", HEARTBEAT_MONITOR).put("type", "heartbeat").put("period", "1m").put("grace", "30s");
  }

  /**
   * Succeeds with the heartbeat's ping URL once both monitors and the channel exist. Fails with an
   * {@link ApiException} on a 4xx answer (retrying will not help), or after {@value #ATTEMPTS} attempts
   * that met 5xx answers, timeouts or refused connections (a coordinator still settling into its cluster).
   */
  Future<Result> ensure(String queueUrl, String webhookUrl) {
    return retrying(() -> ensureOnce(queueUrl, webhookUrl), ATTEMPTS);
  }

  private Future<Result> ensureOnce(String queueUrl, String webhookUrl) {
    return ensureAdminUser().compose(user -> call(HttpMethod.GET, "/api/v1/monitors", null, 200))
        .map(body -> body.getJsonArray("monitors", new JsonArray()))
        .compose(existing -> ensureMonitor(existing, queueMonitor(queueUrl))
            .compose(queue -> ensureMonitor(existing, heartbeatMonitor())))
        .compose(heartbeat -> ensureChannel(webhookUrl)
            .map(channel -> new Result(Optional.ofNullable(heartbeat.getString("ping_url")))));
  }

  /** The team view's "admin" user, so a newcomer signs in with the password the banner shows. */
  private Future<JsonObject> ensureAdminUser() {
    return call(HttpMethod.GET, "/api/v1/users", null, 200).compose(body -> {
      for (Object item : body.getJsonArray("users", new JsonArray())) {
        if (item instanceof JsonObject user && ADMIN_USER.equals(user.getString("username"))) {
          return Future.succeededFuture(user);
        }
      }
      JsonObject user = new JsonObject().put("username", ADMIN_USER).put("password", adminPassword.reveal())
          .put("role", "admin");
      return call(HttpMethod.POST, "/api/v1/users", user, 201)
          .onSuccess(created -> console.info("created the team view user \"" + ADMIN_USER + "\""));
    });
  }

  private Future<JsonObject> ensureMonitor(JsonArray existing, JsonObject wanted) {
    String name = wanted.getString("name");
    for (Object item : existing) {
      if (item instanceof JsonObject monitor && name.equals(monitor.getString("name"))) {
        console.info("monitor \"" + name + "\" already exists (" + monitor.getString("id") + ")");
        return Future.succeededFuture(monitor);
      }
    }
    return call(HttpMethod.POST, "/api/v1/monitors", wanted, 201).onSuccess(created ->
        console.info("created monitor \"" + name + "\" (" + created.getString("id") + ")"));
  }

  private Future<JsonObject> ensureChannel(String url) {
    return call(HttpMethod.GET, "/api/v1/channels", null, 200).compose(body -> {
      for (Object item : body.getJsonArray("channels", new JsonArray())) {
        if (item instanceof JsonObject channel && url.equals(channel.getString("url"))) {
          console.info("webhook channel to " + url + " already exists");
          return Future.succeededFuture(channel);
        }
      }
      JsonObject channel = new JsonObject().put("type", "webhook").put("name", "Local webhook sink").put("url", url);
      return call(HttpMethod.POST, "/api/v1/channels", channel, 201)
          .onSuccess(created -> console.info("created webhook channel to " + url));
    });
  }

  private Future<JsonObject> call(HttpMethod method, String path, JsonObject body, int expected) {
    HttpRequest<Buffer> request = client.request(method, port, host, path)
        .bearerTokenAuthentication(adminToken.reveal())
        .putHeader("Accept", "application/json")
        .connectTimeout(CALL_TIMEOUT_MS)
        .idleTimeout(CALL_TIMEOUT_MS);
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
    String call = method + " " + path;
    return sent.timeout(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS).compose(response -> {
      if (response.statusCode() == expected) {
        JsonObject json = response.bodyAsJsonObject();
        return Future.succeededFuture(json == null ? new JsonObject() : json);
      }
      return Future.failedFuture(new ApiException(call, response.statusCode(), errorMessage(response)));
    });
  }

  private static String errorMessage(HttpResponse<Buffer> response) {
    try {
      JsonObject error = response.bodyAsJsonObject();
      return error == null ? null : error.getString("message");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private <T> Future<T> retrying(Supplier<Future<T>> operation, int attemptsLeft) {
    return operation.get().recover(failure -> {
      boolean clientError = failure instanceof ApiException api && api.status >= 400 && api.status < 500;
      if (clientError || attemptsLeft <= 1) {
        return Future.failedFuture(failure);
      }
      console.info("API not ready yet (" + Await.describe(failure) + "), retrying in " + RETRY_DELAY_MS / 1000 + " s");
      Promise<Void> delay = Promise.promise();
      vertx.setTimer(RETRY_DELAY_MS, id -> delay.complete());
      return delay.future().compose(v -> retrying(operation, attemptsLeft - 1));
    });
  }
}
