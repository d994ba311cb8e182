package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.LogCapture;
import io.quorate.coordinator.support.SessionClient;
import io.quorate.coordinator.support.TestClock;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Accounts and access against a real coordinator and PostgreSQL: the first admin from the setup token in the
 * log, password sign-in with a session cookie and CSRF token, sign-in throttling, roles, API keys, and bad
 * input that changes nothing. One coordinator for the class; the tests run in order because the first one
 * creates the admin the others use.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountsTest {
  private static final String ADMIN_PASSWORD = "correct horse battery";
  private static final Pattern SETUP_TOKEN = Pattern.compile("with the setup token (\\S+) ");
  private static TestClock clock;
  private static TestCluster cluster;
  private static String setupToken;

  @BeforeAll
  static void start() {
    clock = new TestClock(Instant.now());
    try (LogCapture log = new LogCapture()) {
      cluster = TestCluster.start(1, TestDatabase.create(), Duration.ofMillis(200), clock);
      setupToken = log.lines().stream().map(SETUP_TOKEN::matcher).filter(Matcher::find).map(m -> m.group(1))
          .findFirst().orElseThrow(() -> new AssertionError("no setup token in the log"));
    }
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  @Order(1)
  void theFirstAdminNeedsTheSetupTokenAndSetupWorksOnce() {
    SessionClient browser = session();
    assertTrue(browser.get("/api/v1/setup").json().getBoolean("needed"));
    SessionClient.Answer wrong = browser.setup("guessed-token", "root", ADMIN_PASSWORD);
    assertEquals(403, wrong.status(), wrong.body());
    assertEquals("setup_token", wrong.json().getString("field"));
    SessionClient.Answer shortPassword = browser.setup(setupToken, "root", "short");
    assertEquals(400, shortPassword.status());
    assertEquals("password", shortPassword.json().getString("field"));

    SessionClient.Answer done = browser.setup(setupToken, "Root", ADMIN_PASSWORD);
    assertEquals(201, done.status(), done.body());
    assertEquals("root", done.json().getJsonObject("user").getString("username"), "usernames are lower case");
    assertEquals("admin", done.json().getJsonObject("user").getString("role"));
    String cookie = done.setCookies().get(0);
    String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
    assertTrue(attributes.contains("httponly") && attributes.contains("samesite=strict") && attributes.contains("path=/"), cookie);
    assertEquals(200, browser.get("/api/v1/monitors").status(), "the new admin is signed in");

    assertEquals(409, session().setup(setupToken, "second", ADMIN_PASSWORD).status(), "setup works once");
    assertFalse(session().get("/api/v1/setup").json().getBoolean("needed"));
  }

  @Test
  @Order(2)
  void aSessionChangesNothingWithoutItsCsrfTokenAndEndsOnSignOut() {
    SessionClient browser = signedIn("root", ADMIN_PASSWORD);
    JsonObject who = browser.get("/api/v1/session").json();
    assertEquals("root", who.getJsonObject("user").getString("username"));
    assertEquals("session", who.getString("kind"));

    SessionClient.Answer forged = signedIn("root", ADMIN_PASSWORD).withoutCsrf().post("/api/v1/monitors", heartbeat("Forged"));
    assertEquals(403, forged.status(), forged.body());
    assertEquals("csrf", forged.json().getString("error"));
    assertEquals(201, browser.post("/api/v1/monitors", heartbeat("Nightly export")).status());
    assertFalse(admin().get("/api/v1/monitors").body().contains("Forged"), "the forged change was not made");

    assertEquals(204, browser.delete("/api/v1/session").status());
    assertEquals(401, browser.get("/api/v1/monitors").status(), "signed out");
  }

  @Test
  @Order(3)
  void wrongPasswordsAreAnsweredAlikeAndThrottled() {
    SessionClient.Answer unknown = session().signIn("nobody", "whatever password");
    SessionClient.Answer wrong = session().signIn("root", "wrong password!");
    assertEquals(401, unknown.status());
    assertEquals(401, wrong.status());
    assertEquals(unknown.json().getString("message"), wrong.json().getString("message"),
        "the answer does not tell which usernames exist");
    for (int attempt = 2; attempt <= 5; attempt++) {
      assertEquals(401, session().signIn("root", "wrong password!").status());
    }
    SessionClient.Answer throttled = session().signIn("root", ADMIN_PASSWORD);
    assertEquals(429, throttled.status(), "even the right password waits: " + throttled.body());
    assertTrue(Long.parseLong(throttled.retryAfter().orElseThrow()) > 0);

    clock.advance(Duration.ofMinutes(16));
    assertEquals(200, session().signIn("root", ADMIN_PASSWORD).status(), "the window has passed");
  }

  @Test
  @Order(4)
  void viewersReadEditorsWriteAndOnlyAdminsManageAccess() {
    SessionClient root = signedIn("root", ADMIN_PASSWORD);
    assertEquals(201, root.post("/api/v1/users", user("vera", "viewer")).status());
    assertEquals(201, root.post("/api/v1/users", user("eddie", "editor")).status());

    SessionClient viewer = signedIn("vera", "vera password 123");
    assertEquals(200, viewer.get("/api/v1/monitors").status());
    SessionClient.Answer refused = viewer.post("/api/v1/monitors", heartbeat("By a viewer"));
    assertEquals(403, refused.status());
    assertTrue(refused.json().getString("message").contains("viewer"), refused.body());
    assertEquals(403, viewer.get("/api/v1/users").status());

    SessionClient editor = signedIn("eddie", "eddie password 123");
    assertEquals(201, editor.post("/api/v1/monitors", heartbeat("By an editor")).status());
    assertEquals(403, editor.get("/api/v1/users").status());
    assertEquals(403, editor.post("/api/v1/api-keys", new JsonObject().put("name", "mine").encode()).status());
    assertEquals(403, editor.get("/api/v1/probe-tokens").status());

    assertEquals(401, new Api(cluster.node(0).httpPort(), null).get("/api/v1/monitors").status(), "nobody sees anything private");
    assertEquals(200, new Api(cluster.node(0).httpPort(), null).get("/api/v1/status").status(), "the public status needs nothing");
  }

  @Test
  @Order(5)
  void apiKeysAreShownOnceAndDoWhatTheirScopeSays() {
    SessionClient root = signedIn("root", ADMIN_PASSWORD);
    JsonObject read = root.post("/api/v1/api-keys", new JsonObject().put("name", "dashboard").put("scope", "read").encode()).json();
    JsonObject write = root.post("/api/v1/api-keys", new JsonObject().put("name", "ci").put("scope", "read-write").encode()).json();
    String readKey = read.getString("key");
    String writeKey = write.getString("key");
    assertTrue(readKey.startsWith("qk_") && readKey.startsWith(read.getString("prefix")), read.encode());

    String listed = root.get("/api/v1/api-keys").body();
    assertFalse(listed.contains(readKey) || listed.contains(writeKey), "a key is shown only when created: " + listed);
    assertTrue(listed.contains("\"dashboard\""));

    Api readOnly = new Api(cluster.node(0).httpPort(), readKey);
    assertEquals(200, readOnly.get("/api/v1/monitors").status());
    Api.Response refused = readOnly.post("/api/v1/monitors", heartbeat("By a read key"));
    assertEquals(403, refused.status());
    assertTrue(refused.body().contains("read-only"), refused.body());

    Api readWrite = new Api(cluster.node(0).httpPort(), writeKey);
    assertEquals(201, readWrite.post("/api/v1/monitors", heartbeat("By the CI key")).status());
    assertEquals(403, readWrite.get("/api/v1/users").status(), "a key never manages access");
    assertEquals(403, readWrite.post("/api/v1/api-keys", new JsonObject().put("name", "x").encode()).status());

    assertEquals(200, root.delete("/api/v1/api-keys/" + write.getString("id")).status());
    assertEquals(401, readWrite.get("/api/v1/monitors").status(), "a revoked key is refused at once");
    assertEquals(409, root.delete("/api/v1/api-keys/" + write.getString("id")).status());
    assertEquals(401, new Api(cluster.node(0).httpPort(), "qk_made_up").get("/api/v1/monitors").status());
  }

  @Test
  @Order(6)
  void badInputIsNamedAndChangesNothing() {
    SessionClient root = signedIn("root", ADMIN_PASSWORD);
    int before = root.get("/api/v1/users").json().getJsonArray("users").size();
    assertField(root.post("/api/v1/users", user("x", "overlord")), 400, "role");
    assertField(root.post("/api/v1/users", new JsonObject().put("username", "kim").put("password", "short").encode()), 400, "password");
    assertField(root.post("/api/v1/users", new JsonObject().put("username", "bad name!").put("password", "long enough pw").encode()),
        400, "username");
    assertEquals(409, root.post("/api/v1/users", user("vera", "viewer")).status(), "the username is taken");
    assertField(root.post("/api/v1/api-keys", new JsonObject().put("name", "k").put("scope", "everything").encode()), 400, "scope");
    assertEquals(before, root.get("/api/v1/users").json().getJsonArray("users").size());

    JsonArray users = root.get("/api/v1/users").json().getJsonArray("users");
    String rootId = idOf(users, "root");
    SessionClient.Answer lastAdmin = root.patch("/api/v1/users/" + rootId, new JsonObject().put("role", "viewer").encode());
    assertEquals(409, lastAdmin.status(), lastAdmin.body());
    assertEquals(409, root.delete("/api/v1/users/" + rootId).status());
    assertEquals("admin", root.get("/api/v1/users/" + rootId).json().getString("role"));
    assertFalse(root.get("/api/v1/users").body().contains("password"), "no hash leaves the API");
  }

  @Test
  @Order(7)
  void disablingAPersonEndsTheirSessionsAtOnce() {
    SessionClient root = signedIn("root", ADMIN_PASSWORD);
    SessionClient vera = signedIn("vera", "vera password 123");
    String veraId = idOf(root.get("/api/v1/users").json().getJsonArray("users"), "vera");
    assertEquals(200, root.patch("/api/v1/users/" + veraId, new JsonObject().put("disabled", true).encode()).status());
    assertEquals(401, vera.get("/api/v1/monitors").status());
    assertEquals(401, session().signIn("vera", "vera password 123").status());
  }

  @Test
  @Order(8)
  void aSignedInPersonActsUnderTheirOwnName() {
    SessionClient eddie = signedIn("eddie", "eddie password 123");
    String monitor = eddie.post("/api/v1/monitors", heartbeat("Invoices")).json().getString("id");
    JsonObject snooze = eddie.post("/api/v1/monitors/" + monitor + "/snooze",
        new JsonObject().put("for", "30m").put("reason", "deploy").put("by", "somebody else").encode()).json();
    assertEquals("eddie", snooze.getString("created_by"));
  }

  private static void assertField(SessionClient.Answer answer, int status, String field) {
    assertEquals(status, answer.status(), answer.body());
    assertEquals(field, answer.json().getString("field"), answer.body());
  }

  private static String idOf(JsonArray users, String username) {
    return users.stream().map(JsonObject.class::cast).filter(u -> u.getString("username").equals(username))
        .findFirst().orElseThrow().getString("id");
  }

  private static String user(String username, String role) {
    return new JsonObject().put("username", username).put("password", username + " password 123").put("role", role).encode();
  }

  private static String heartbeat(String name) {
    return new JsonObject().put("name", name).put("type", "heartbeat").put("period", "1h").put("grace", "10m").encode();
  }

  private static SessionClient session() {
    return new SessionClient(cluster.node(0).httpPort());
  }

  private static SessionClient signedIn(String username, String password) {
    SessionClient client = session();
    SessionClient.Answer answer = client.signIn(username, password);
    assertEquals(200, answer.status(), answer.body());
    return client;
  }

  private static Api admin() {
    return cluster.api(0);
  }
}
