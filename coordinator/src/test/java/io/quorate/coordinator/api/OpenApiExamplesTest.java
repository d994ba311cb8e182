package io.quorate.coordinator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.OpenApiOperations;
import io.quorate.coordinator.support.OpenApiOperations.Operation;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.QueueEndpoint;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.quorate.coordinator.support.TestProbes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The request examples of the OpenAPI document are real requests: each matches its own schema, the real endpoints
 * of a running coordinator accept them, and their answers match the documented answers. So the schemas describe
 * the API the code serves, not a wish.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiExamplesTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String BASE = "https://quorate.invalid/";
  private TestCluster cluster;
  private TestProbes probes;
  private QueueEndpoint queues;
  private Api api;
  private JsonObject document;
  private SchemaRepository schemas;
  private final Set<String> exercised = new TreeSet<>();

  @BeforeAll
  void start() {
    cluster = TestCluster.start(1, TestDatabase.create(), Duration.ofMillis(200));
    api = cluster.api(0);
    queues = new QueueEndpoint();
    probes = TestProbes.start(cluster.grpcAddresses(), TestCluster.PROBE_TOKEN, "eu-west");
    Eventually.until(WAIT, "the probe linked", probes::allConnected);
    Api.Response served = api.get("/api/v1/openapi.json");
    assertEquals(200, served.status(), served.body());
    document = served.json();
    JsonSchemaOptions options = new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri(BASE)
        .setOutputFormat(OutputFormat.Basic); // failures list every error, not only "valid": false
    schemas = SchemaRepository.create(options);
    // a copy: dereferencing writes bookkeeping fields into the JSON it is given
    schemas.dereference(BASE + "openapi.json", JsonSchema.of(document.copy()));
  }

  @AfterAll
  void stop() {
    probes.close();
    queues.close();
    cluster.close();
  }

  @Test
  void everyWriteOperationHasARequestExample() {
    List<String> without = new ArrayList<>();
    for (Operation operation : writeOperations()) {
      if (operation.requestExamples(document).isEmpty()) {
        without.add(operation.key());
      }
    }
    assertEquals(List.of(), without, "write operations without a request example");
  }

  @Test
  void everyRequestExampleMatchesItsSchema() {
    List<String> mismatches = new ArrayList<>();
    for (Operation operation : writeOperations()) {
      for (Object example : operation.requestExamples(document)) {
        if (!matches(operation.id(), (JsonObject) example)) {
          mismatches.add(operation.id() + " " + example);
        }
      }
    }
    assertEquals(List.of(), mismatches);
  }

  /** The check above has teeth: bodies the endpoints refuse are refused by the schemas too. */
  @Test
  void theSchemasRefuseWhatTheEndpointsRefuse() {
    assertFalse(matches("createMonitor", new JsonObject().put("type", "http").put("name", "no url")));
    assertFalse(matches("updateMonitor", new JsonObject().put("type", "heartbeat").put("name", "two schedules")
        .put("period", "5m").put("cron", "0 3 * * *")));
    assertFalse(matches("createChannel", new JsonObject().put("type", "webhook").put("url", "https://example.com/")
        .put("colour", "red")));
    assertFalse(matches("updateChannel", new JsonObject().put("working_hours", new JsonObject().put("days",
        new JsonArray()).put("start", "09:00").put("end", "17:00"))));
    assertFalse(matches("createSilence", new JsonObject().put("matchers", new JsonObject()).put("created_by", "alice")
        .put("duration", "2h")));
    assertFalse(matches("snoozeMonitor", new JsonObject().put("for", "30m").put("until", "2026-11-24T15:00:00Z")));
  }

  private boolean matches(String operationId, JsonObject body) {
    Operation operation = OpenApiOperations.byId(document, operationId);
    return schemas.validator(JsonSchema.of(new JsonObject().put("$ref", schemaPointer(operation)))).validate(body)
        .getValid();
  }

  @Test
  void theRealEndpointsAcceptTheExamples() {
    String monitor = created("createMonitor", "/api/v1/monitors", "http");
    String heartbeat = created("createMonitor", "/api/v1/monitors", "heartbeat");
    accepted(200, "updateMonitor", "PUT", "/api/v1/monitors/" + monitor);
    accepted(201, "snoozeMonitor", "POST", "/api/v1/monitors/" + heartbeat + "/snooze");

    String channel = created("createChannel", "/api/v1/channels", "webhook");
    for (String type : List.of("slack", "pagerduty", "email", "telegram")) {
      created("createChannel", "/api/v1/channels", type);
    }
    accepted(200, "updateChannel", "PATCH", "/api/v1/channels/" + channel);

    String window = created("createMaintenanceWindow", "/api/v1/maintenance-windows", "recurring");
    created("createMaintenanceWindow", "/api/v1/maintenance-windows", "one_off");
    accepted(200, "updateMaintenanceWindow", "PUT", "/api/v1/maintenance-windows/" + window);

    String silence = created("createSilence", "/api/v1/silences", null);
    accepted(200, "expireSilence", "POST", "/api/v1/silences/" + silence + "/expire");

    created("createProbeToken", "/api/v1/probe-tokens", null);

    String user = created("createUser", "/api/v1/users", null);
    accepted(200, "updateUser", "PATCH", "/api/v1/users/" + user);
    created("createApiKey", "/api/v1/api-keys", null);
    accepted(200, "validateConditions", "POST", "/api/v1/conditions/validate");
    // The sign-in example's person, made first, signs in with it.
    JsonObject signIn = (JsonObject) example(OpenApiOperations.byId(document, "signIn"), null);
    assertEquals(201, api.post("/api/v1/users", signIn.copy().put("role", "viewer").encode()).status());
    accepted(200, "signIn", "POST", "/api/v1/session");
    // Users exist, so the setup example is refused as documented (its token is this node's only by chance).
    accepted(409, "setupFirstAdmin", "POST", "/api/v1/setup");

    Set<String> untried = new TreeSet<>();
    writeOperations().forEach(operation -> untried.add(operation.id()));
    untried.removeAll(exercised);
    untried.removeAll(Set.of("acknowledgeIncident", "addIncidentNote", "resolveIncident", "testDraftMonitor",
        "testSavedMonitor", "addPublicIncidentUpdate")); // sent by theAnswersOfRealRunsMatchTheirSchemas, which has an incident and a probe
    assertEquals(Set.of(), untried, "write operations whose example no test sends to the real endpoint");
  }

  /** The answers of the reading operations match their documented schemas too, for both monitor types. */
  @Test
  void theReadAnswersMatchTheirSchemas() {
    String monitor = api.createMonitor((JsonObject) example(OpenApiOperations.byId(document, "createMonitor"), "http"))
        .getString("id");
    JsonObject heartbeatExample = ((JsonObject) example(OpenApiOperations.byId(document, "createMonitor"), "heartbeat"))
        .copy();
    heartbeatExample.remove("slug"); // the other test creates the example, and a slug is unique
    String heartbeat = api.createMonitor(heartbeatExample).getString("id");
    String channel = api.createChannel((JsonObject) example(OpenApiOperations.byId(document, "createChannel"), "webhook"))
        .getString("id");
    api.post("/api/v1/silences", ((JsonObject) example(OpenApiOperations.byId(document, "createSilence"), null)).encode());

    read("listMonitors", "/api/v1/monitors");
    read("getMonitor", "/api/v1/monitors/" + monitor);
    read("getMonitor", "/api/v1/monitors/" + heartbeat);
    read("listObservations", "/api/v1/monitors/" + monitor + "/observations");
    read("listPings", "/api/v1/monitors/" + heartbeat + "/pings");
    read("listRuns", "/api/v1/monitors/" + heartbeat + "/runs");
    read("listSnoozes", "/api/v1/monitors/" + heartbeat + "/snoozes");
    read("listProjects", "/api/v1/projects");
    read("listIncidents", "/api/v1/incidents");
    read("listChannels", "/api/v1/channels");
    read("getChannel", "/api/v1/channels/" + channel);
    read("listMaintenanceWindows", "/api/v1/maintenance-windows");
    read("listSilences", "/api/v1/silences");
    read("listProbeRegions", "/api/v1/probes");
    read("listRegionIncidents", "/api/v1/region-incidents");
    read("listProbeTokens", "/api/v1/probe-tokens");
    read("getStatusSummary", "/api/v1/status");
    assertAnswerAsDocumented("getMonitor", api.get("/api/v1/monitors/" + java.util.UUID.randomUUID()));
    assertAnswerAsDocumented("createMonitor", api.post("/api/v1/monitors", "{\"type\": \"http\"}"));
  }

  /**
   * With a probe running checks, an incident open and a heartbeat pinged, the answers that carry results match
   * their schemas; the test-run and incident examples are accepted by the real endpoints.
   */
  @Test
  void theAnswersOfRealRunsMatchTheirSchemas() {
    queues.fail("orders", "eu-west");
    String monitor = api.createMonitor(new JsonObject().put("name", "Orders queue").put("type", "http")
        .put("url", queues.url("orders")).put("interval", "1s").put("timeout", "1s").put("confirmations", 1)
        .put("regions", new JsonArray().add("eu-west"))
        .put("conditions", new JsonArray().add("[STATUS] == 200").add("[BODY].enqueued < 1000"))
        .put("series", new JsonObject().put("depth", "[BODY].enqueued"))).getString("id");
    Eventually.until(WAIT, "an incident opened", () -> api.openIncident(monitor) != null);
    String incident = api.openIncident(monitor).getString("id");

    read("getMonitor", "/api/v1/monitors/" + monitor);
    read("listObservations", "/api/v1/monitors/" + monitor + "/observations");
    read("listIncidents", "/api/v1/incidents?state=open");
    read("getIncident", "/api/v1/incidents/" + incident);
    accepted(200, "acknowledgeIncident", "POST", "/api/v1/incidents/" + incident + "/acknowledge");
    accepted(200, "addIncidentNote", "POST", "/api/v1/incidents/" + incident + "/notes");
    accepted(201, "addPublicIncidentUpdate", "POST", "/api/v1/incidents/" + incident + "/public-updates");
    accepted(200, "resolveIncident", "POST", "/api/v1/incidents/" + incident + "/resolve");
    accepted(200, "testDraftMonitor", "POST", "/api/v1/monitors/test");
    accepted(200, "testSavedMonitor", "POST", "/api/v1/monitors/" + monitor + "/test");

    JsonObject heartbeat = api.createMonitor(new JsonObject().put("name", "Receipts worker").put("type", "heartbeat")
        .put("period", "5m"));
    assertEquals(200, new Api(cluster.node(0).httpPort(), null).post("/ping/" + heartbeat.getString("ping_id") + "?rid=r1",
        "sent 12 receipts").status());
    read("getMonitor", "/api/v1/monitors/" + heartbeat.getString("id"));
    read("listPings", "/api/v1/monitors/" + heartbeat.getString("id") + "/pings");
    read("listRuns", "/api/v1/monitors/" + heartbeat.getString("id") + "/runs");
    read("listProbeRegions", "/api/v1/probes");
  }

  private void read(String operationId, String path) {
    Api.Response response = api.get(path);
    assertEquals(200, response.status(), path + ": " + response.body());
    assertAnswerAsDocumented(operationId, response);
  }

  /** The answer's JSON matches the schema the document gives for its status (errors included). */
  private void assertAnswerAsDocumented(String operationId, Api.Response response) {
    Operation operation = OpenApiOperations.byId(document, operationId);
    String status = String.valueOf(response.status());
    JsonObject answer = operation.definition().getJsonObject("responses").getJsonObject(status);
    assertTrue(answer != null, operationId + " does not document the answer " + status);
    String pointer = answer.containsKey("$ref")
        ? BASE + "openapi.json" + answer.getString("$ref")
        : BASE + "openapi.json#/paths/" + escape(operation.path()) + "/" + operation.method() + "/responses/" + status;
    if (response.body().isEmpty()) {
      return; // 204
    }
    OutputUnit result = schemas.validator(JsonSchema.of(new JsonObject().put("$ref",
        pointer + "/content/application~1json/schema"))).validate(new JsonObject(response.body()));
    assertTrue(result.getValid(), () -> operationId + " answered " + status + " not as documented: " + result
        + "\n" + response.body());
  }

  /** POSTs the named example (or the only one) and answers the new resource's id. */
  private String created(String operationId, String path, String exampleName) {
    return accepted(201, operationId, "POST", path, exampleName).getString("id");
  }

  private JsonObject accepted(int status, String operationId, String method, String path) {
    return accepted(status, operationId, method, path, null);
  }

  private JsonObject accepted(int status, String operationId, String method, String path, String exampleName) {
    Object example = example(OpenApiOperations.byId(document, operationId), exampleName);
    String body = ((JsonObject) example).encode();
    Api.Response response = switch (method) {
      case "POST" -> api.post(path, body);
      case "PUT" -> api.put(path, body);
      case "PATCH" -> api.patch(path, body);
      default -> throw new IllegalArgumentException(method);
    };
    assertEquals(status, response.status(), operationId + " refused its own example " + body + ": " + response.body());
    exercised.add(operationId);
    assertAnswerAsDocumented(operationId, response);
    return response.json();
  }

  private Object example(Operation operation, String name) {
    JsonObject media = operation.definition().getJsonObject("requestBody").getJsonObject("content")
        .getJsonObject("application/json");
    if (name == null) {
      List<Object> all = operation.requestExamples(document);
      assertTrue(!all.isEmpty(), operation.id() + " has no example");
      return all.get(0);
    }
    JsonObject named = media.getJsonObject("examples").getJsonObject(name);
    assertTrue(named != null, operation.id() + " has no example named " + name);
    return OpenApiOperations.resolve(document, named).getValue("value");
  }

  /** The operations with a JSON request body that this branch mounts. */
  private List<Operation> writeOperations() {
    return OpenApiOperations.of(document).stream()
        .filter(op -> op.path().startsWith("/api/v1/"))
        .filter(op -> !OpenApiDocumentTest.ARRIVING_WITH_OTHER_BRANCHES.contains(op.key()))
        .filter(op -> op.definition().getJsonObject("requestBody", new JsonObject()).getJsonObject("content",
            new JsonObject()).containsKey("application/json"))
        .toList();
  }

  /** A JSON pointer to the operation's request schema inside the document, e.g. {@code #/paths/~1api~1v1~1monitors/...}. */
  private static String schemaPointer(Operation operation) {
    return BASE + "openapi.json#/paths/" + escape(operation.path()) + "/" + operation.method()
        + "/requestBody/content/application~1json/schema";
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
  }
}
