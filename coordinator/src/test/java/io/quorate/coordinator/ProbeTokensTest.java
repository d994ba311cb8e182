package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.LogCapture;
import io.quorate.coordinator.support.RawProbeLink;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.coordinator.support.TestProbes;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.GrpcStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-region enrollment tokens on two clustered coordinator nodes and real probe nodes: created through the
 * API and shown once, a probe with one speaks only for its region, unknown and revoked tokens are refused and
 * the refusals are listed, and revoking through either node ends the link wherever the probe is connected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeTokensTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private TestDatabase db;
  private TestCluster cluster;
  private TestProbes probes;
  private LogCapture logs;
  private final List<String> secrets = new ArrayList<>();

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(2, db, Duration.ofMillis(200));
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @BeforeEach
  void capture() {
    logs = new LogCapture();
    probes = new TestProbes(Clock.systemUTC());
  }

  @AfterEach
  void noTokenInAnyLogLine() {
    probes.close();
    logs.close();
    for (String secret : secrets) {
      assertFalse(logs.contains(secret), "a probe token reached a log line");
    }
  }

  private Api api(int node) {
    return cluster.api(node);
  }

  /** Creates a token and returns the creation answer, the one place its secret appears. */
  private JsonObject createToken(String region, String name) {
    Api.Response created = api(0).post("/api/v1/probe-tokens",
        new JsonObject().put("region", region).put("name", name).put("created_by", "alice").encode());
    assertEquals(201, created.status(), created.body());
    secrets.add(created.json().getString("token"));
    return created.json();
  }

  private JsonObject listed(String id) {
    return tokens().getJsonArray("probe_tokens").stream().map(JsonObject.class::cast)
        .filter(token -> token.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private JsonObject tokens() {
    Api.Response list = api(1).get("/api/v1/probe-tokens");
    assertEquals(200, list.status(), list.body());
    return list.json();
  }

  private Optional<JsonObject> refusal(String reason, String regionClaimed) {
    return tokens().getJsonArray("recent_refusals").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("reason").equals(reason) && regionClaimed.equals(r.getString("region_claimed")))
        .findFirst();
  }

  @Test
  void anAdminCreatesARegionTokenThatIsShownOnceAndListedWithoutItsSecret() {
    JsonObject created = createToken("eu-west", "eu-west vm 1");
    String secret = created.getString("token");
    assertTrue(secret.length() >= 32, secret.length() + " characters");
    assertEquals("eu-west", created.getString("region"));
    assertEquals("active", created.getString("state"));

    JsonObject listed = listed(created.getString("id"));
    assertEquals("eu-west vm 1", listed.getString("name"));
    assertEquals("alice", listed.getString("created_by"));
    assertNotNull(listed.getString("created_at"));
    assertNull(listed.getValue("last_used_at"));
    assertNull(listed.getValue("revoked_at"));
    assertFalse(listed.containsKey("token"));
    assertFalse(api(0).get("/api/v1/probe-tokens").body().contains(secret), "the list never shows a secret");
  }

  @Test
  void badRequestsAreRefusedNamingTheField() {
    assertBadRequest(new JsonObject().put("name", "vm"), "region");
    assertBadRequest(new JsonObject().put("region", "EU West").put("name", "vm"), "region");
    assertBadRequest(new JsonObject().put("region", "eu-west"), "name");
    assertBadRequest(new JsonObject().put("region", "eu-west").put("name", 7), "name");
    assertBadRequest(new JsonObject().put("region", "eu-west").put("name", "vm").put("token", "mine"), "token");
    Api.Response notJson = api(0).post("/api/v1/probe-tokens", "region=eu-west");
    assertEquals(400, notJson.status(), notJson.body());
    assertEquals("body", notJson.json().getString("field"));

    Api stranger = new Api(cluster.node(0).httpPort(), "guess");
    assertEquals(401, stranger.post("/api/v1/probe-tokens", new JsonObject().put("region", "eu-west")
        .put("name", "vm").encode()).status());
    assertEquals(401, stranger.get("/api/v1/probe-tokens").status());
    assertEquals(404, api(0).delete("/api/v1/probe-tokens/" + java.util.UUID.randomUUID()).status());
  }

  private void assertBadRequest(JsonObject body, String field) {
    Api.Response response = api(0).post("/api/v1/probe-tokens", body.encode());
    assertEquals(400, response.status(), response.body());
    assertEquals(field, response.json().getString("field"), response.body());
    assertTrue(response.json().getString("message").startsWith(field + ": "), response.body());
  }

  @Test
  void aProbeWithItsRegionTokenConnectsAndTheTokenShowsWhenItWasLastUsed() {
    JsonObject token = createToken("ap-south", "ap-south vm 1");
    probes.add("ap-south", cluster.grpcAddresses(), token.getString("token"));
    Eventually.until(WAIT, "the ap-south probe is linked", probes::allConnected);
    assertNotNull(listed(token.getString("id")).getString("last_used_at"));

    // The operators' probe list says which token and which address each node links with.
    JsonObject node = Eventually.value(WAIT, "the ap-south node is listed", () -> probeNode("ap-south"));
    assertEquals(token.getString("id"), node.getString("token_id"));
    assertEquals("ap-south vm 1", node.getString("token_name"));
    assertTrue(node.getString("address").startsWith("127.0.0.1:"), node.encode());
    assertFalse(api(0).get("/api/v1/probes").body().contains(token.getString("token")));
  }

  private JsonObject probeNode(String region) {
    return api(1).get("/api/v1/probes").json().getJsonArray("regions").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("region").equals(region)).flatMap(r -> r.getJsonArray("nodes").stream())
        .map(JsonObject.class::cast).findFirst().orElse(null);
  }

  @Test
  void anUnknownTokenIsRefusedAndTheRefusalIsListedWithoutTheToken() {
    String guessed = "guessed-token-0123456789abcdef";
    secrets.add(guessed);
    probes.add("us-west", cluster.grpcAddresses(), guessed);
    JsonObject refused = Eventually.value(WAIT, "the refusal is listed",
        () -> refusal("unknown_token", "us-west").orElse(null));
    assertEquals("127.0.0.1", refused.getString("remote_address"));
    assertEquals("unknown probe token", refused.getString("message"));
    assertNotNull(refused.getString("at"));
    Eventually.until(WAIT, "the probe logs why it was refused",
        () -> logs.contains("probe link refused: status=UNAUTHENTICATED message=\"unknown probe token\" region=us-west"));
    assertFalse(probes.probe("us-west").linkConnected());
  }

  @Test
  void aTokenForOneRegionCannotReportAsAnother() {
    JsonObject token = createToken("eu-central", "eu-central vm 1");
    String secret = token.getString("token");
    probes.add("us-central", cluster.grpcAddresses(), secret);
    JsonObject refused = Eventually.value(WAIT, "the refusal is listed",
        () -> refusal("wrong_region", "us-central").orElse(null));
    assertEquals("this probe token speaks for region eu-central, not us-central", refused.getString("message"));
    assertEquals(token.getString("id"), refused.getString("token_id"));
    Eventually.until(WAIT, "the probe logs why it was refused", () -> logs.contains(
        "probe link refused: status=PERMISSION_DENIED message=\"this probe token speaks for region eu-central, not"));

    // A probe that names its region only in Hello (an older build, or a hand-made client) is refused as well.
    assertEquals(GrpcStatus.PERMISSION_DENIED,
        RawProbeLink.refusal(cluster.grpcAddresses().get(1), secret, "us-central", "hand-made"));
    assertFalse(probes.probe("us-central").linkConnected());
  }

  @Test
  void revokingATokenThroughAnotherNodeEndsTheLinkAndTheProbeCannotComeBack() {
    JsonObject token = createToken("sa-east", "sa-east vm 1");
    String id = token.getString("id");
    // Linked to node 1 only; revoked through node 2's API.
    probes.add("sa-east", List.of(cluster.grpcAddresses().get(0)), token.getString("token"),
        config -> config.withReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(300)));
    Eventually.until(WAIT, "the sa-east probe is linked", probes::allConnected);

    Api.Response revoked = api(1).delete("/api/v1/probe-tokens/" + id);
    assertEquals(200, revoked.status(), revoked.body());
    assertEquals("revoked", revoked.json().getString("state"));
    assertNotNull(revoked.json().getString("revoked_at"));
    assertFalse(revoked.body().contains(token.getString("token")));

    Eventually.until(WAIT, "the probe's link is closed, and the probe is told why", () -> logs.contains(
        "probe link refused: status=UNAUTHENTICATED message=\"probe token revoked\" region=sa-east coordinator=127.0.0.1:"
            + cluster.node(0).grpcPort()));
    Eventually.until(WAIT, "its attempts to come back are refused",
        () -> refusal("revoked_token", "sa-east").isPresent());
    Eventually.during(Duration.ofSeconds(2), "the probe stays out", () -> !probes.probe("sa-east").linkConnected());
    assertEquals("revoked", listed(id).getString("state"));

    Api.Response again = api(0).delete("/api/v1/probe-tokens/" + id);
    assertEquals(409, again.status(), again.body());
  }

  @Test
  void aRevocationWhoseAnnouncementWasLostIsFoundByTheRecheckOfEveryNode() {
    JsonObject token = createToken("me-south", "me-south vm 1");
    probes.add("me-south", cluster.grpcAddresses(), token.getString("token"));
    Eventually.until(WAIT, "the me-south probe is linked", probes::allConnected);
    // Revoked behind the API's back: no node announces it, as if the event bus message had been lost.
    db.query("UPDATE probe_tokens SET revoked_at = now() WHERE id = ?::uuid RETURNING id", token.getString("id"));
    Eventually.until(WAIT, "the link is closed by the periodic recheck", () -> !probes.probe("me-south").linkConnected());
    Eventually.until(WAIT, "and the probe is refused when it retries", () -> refusal("revoked_token", "me-south").isPresent());
  }
}
