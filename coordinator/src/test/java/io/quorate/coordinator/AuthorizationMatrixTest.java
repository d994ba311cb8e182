package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.SessionClient;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation the coordinator mounts under {@code /api/v1}, read from its real routers, against every kind
 * of caller: nobody sees anything private, a viewer and a read-only key change nothing, only admins manage
 * access, and a session without its CSRF token changes nothing. A new endpoint is covered without editing
 * this test; one that forgets its guard fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
  /** Operations anyone may call: the public status, the API's description, signing in and the first-admin setup. */
  private static final Set<String> OPEN = Set.of("GET /api/v1/status", "GET /api/v1/openapi.json",
      "GET /api/v1/session", "POST /api/v1/session", "DELETE /api/v1/session", "GET /api/v1/setup", "POST /api/v1/setup");
  private static final List<String> ADMIN_ONLY = List.of("/api/v1/users", "/api/v1/api-keys", "/api/v1/probe-tokens");
  /** A stream stays open for an admitted caller, so it is only checked for refusals. */
  private static final Set<String> STREAMS = Set.of("GET /api/v1/events");
  // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private TestCluster cluster;
  private List<String> operations;
  private String readKey;
  private String writeKey;

  @BeforeAll
  void start() {
    cluster = TestCluster.start(1, TestDatabase.create(), Duration.ofMillis(200));
    operations = cluster.node(0).mountedOperations().stream().filter(op -> op.contains(" /api/v1/")).sorted().toList();
    for (String[] person : new String[][] {{"vera", "viewer"}, {"eddie", "editor"}}) {
      assertEquals(201, cluster.api(0).post("/api/v1/users", new JsonObject().put("username", person[0])
          .put("password", person[0] + " long password").put("role", person[1]).encode()).status());
    }
    readKey = key("read");
    writeKey = key("read-write");
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @Test
  void theMatrixCoversTheApi() {
    assertTrue(operations.size() > 50, "operations read from the routers: " + operations);
    assertTrue(operations.contains("POST /api/v1/monitors") && operations.contains("DELETE /api/v1/users/{id}"), operations.toString());
  }

  @Test
  void nobodySeesAnythingPrivate() {
    List<String> wrong = new ArrayList<>();
    for (String operation : privateOperations()) {
      expect(wrong, operation, "nobody", call(operation, Map.of()), 401);
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void aViewerReadsButChangesNothingAndManagesNoAccess() {
    Map<String, String> viewer = sessionHeaders("vera");
    List<String> wrong = new ArrayList<>();
    for (String operation : privateOperations()) {
      int status = STREAMS.contains(operation) && !adminOnly(operation) ? -1 : call(operation, viewer);
      if (adminOnly(operation) || isChange(operation)) {
        expect(wrong, operation, "viewer", status, 403);
      } else if (status == 401 || status == 403) {
        wrong.add(operation + ": a viewer may read it, got " + status);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void aReadOnlyKeyChangesNothingAndNoKeyManagesAccess() {
    List<String> wrong = new ArrayList<>();
    for (String operation : privateOperations()) {
      if (adminOnly(operation)) {
        expect(wrong, operation, "read key", call(operation, bearer(readKey)), 403);
        expect(wrong, operation, "read-write key", call(operation, bearer(writeKey)), 403);
      } else if (isChange(operation)) {
        expect(wrong, operation, "read key", call(operation, bearer(readKey)), 403);
        int status = call(operation, bearer(writeKey));
        if (status == 401 || status == 403) {
          wrong.add(operation + ": a read-write key may call it, got " + status);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void aChangeWithASessionButWithoutItsCsrfTokenIsRefused() {
    Map<String, String> editorWithoutCsrf = new java.util.HashMap<>(sessionHeaders("eddie"));
    editorWithoutCsrf.remove("X-CSRF-Token");
    List<String> wrong = new ArrayList<>();
    for (String operation : privateOperations()) {
      if (isChange(operation)) {
        expect(wrong, operation, "session without CSRF token", call(operation, editorWithoutCsrf), 403);
      }
    }
    assertEquals(List.of(), wrong);
  }

  private List<String> privateOperations() {
    return operations.stream().filter(op -> !OPEN.contains(op)).toList();
  }

  private static boolean adminOnly(String operation) {
    String path = operation.substring(operation.indexOf(' ') + 1);
    return ADMIN_ONLY.stream().anyMatch(path::startsWith);
  }

  private static boolean isChange(String operation) {
    return !operation.startsWith("GET ") && !operation.startsWith("HEAD ");
  }

  private static void expect(List<String> wrong, String operation, String who, int status, int expected) {
    if (status != expected) {
      wrong.add(operation + ": " + who + " expected " + expected + ", got " + status);
    }
  }

  /** Calls the operation with made-up ids and an empty JSON object as body; answers the status. */
  private int call(String operation, Map<String, String> headers) {
    String method = operation.substring(0, operation.indexOf(' '));
    String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.node(0).httpPort() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json");
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> sessionHeaders(String username) {
    SessionClient session = new SessionClient(cluster.node(0).httpPort());
    SessionClient.Answer answer = session.signIn(username, username + " long password");
    assertEquals(200, answer.status(), answer.body());
    String cookie = answer.setCookies().stream().filter(c -> c.startsWith("quorate_session=")).findFirst().orElseThrow();
    return Map.of("Cookie", cookie.substring(0, cookie.indexOf(';')), "X-CSRF-Token", answer.json().getString("csrf_token"));
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  private String key(String scope) {
    return cluster.api(0).post("/api/v1/api-keys", new JsonObject().put("name", scope + " key").put("scope", scope).encode())
        .json().getString("key");
  }
}
