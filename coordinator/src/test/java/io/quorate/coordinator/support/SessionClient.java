package io.quorate.coordinator.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Talks to the API the way the team view page does: a session cookie kept from sign-in and, on changes,
 * the session's CSRF token in {@code X-CSRF-Token}. Every answer's Set-Cookie headers are kept for asserting.
 */
public final class SessionClient {
  public record Answer(int status, String body, List<String> setCookies, Optional<String> retryAfter) {
    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private String cookie;
  private String csrf;
  private boolean sendCsrf = true;

  public SessionClient(int httpPort) {
    this.base = "http://127.0.0.1:" + httpPort;
  }

  /** Signs in; on success keeps the cookie and CSRF token for the next requests. */
  public Answer signIn(String username, String password) {
    return keepSession(send("POST", "/api/v1/session",
        new JsonObject().put("username", username).put("password", password).encode()));
  }

  public Answer setup(String setupToken, String username, String password) {
    return keepSession(send("POST", "/api/v1/setup", new JsonObject().put("setup_token", setupToken)
        .put("username", username).put("password", password).encode()));
  }

  /** Sends later changes without the CSRF token, as a forged cross-site form would. */
  public SessionClient withoutCsrf() {
    sendCsrf = false;
    return this;
  }

  public Answer get(String path) {
    return send("GET", path, null);
  }

  public Answer post(String path, String json) {
    return send("POST", path, json);
  }

  public Answer patch(String path, String json) {
    return send("PATCH", path, json);
  }

  public Answer delete(String path) {
    return send("DELETE", path, null);
  }

  private Answer keepSession(Answer answer) {
    if (answer.status() / 100 == 2) {
      cookie = answer.setCookies().stream().filter(c -> c.startsWith("quorate_session=")).findFirst()
          .map(c -> c.substring(0, c.indexOf(';'))).orElseThrow(() -> new AssertionError("no session cookie: " + answer));
      csrf = answer.json().getString("csrf_token");
    }
    return answer;
  }

  private Answer send(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (csrf != null && sendCsrf) {
      request.header("X-CSRF-Token", csrf);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers().allValues("Set-Cookie"),
          response.headers().firstValue("Retry-After"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
