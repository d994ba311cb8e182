package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /api/v1/conditions/validate} on a real coordinator: the monitor form marks each bad line as it
 * is typed, with the same reasons saving would give, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionValidateApiTest {
  private TestDatabase db;
  private TestCluster cluster;
  private Api api;

  @BeforeAll
  void start() {
    db = TestDatabase.create();
    cluster = TestCluster.start(1, db, Duration.ofMillis(200));
    api = cluster.api(0);
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  private Api.Response validate(Object... conditions) {
    return api.post("/api/v1/conditions/validate",
        new JsonObject().put("conditions", new JsonArray(List.of(conditions))).encode());
  }

  @Test
  void answersOkForConditionsThatSavingWouldAccept() {
    Api.Response response = validate("[STATUS] == 200", "[BODY].sidekiq.enqueued < 1000",
        "[METRIC].sidekiq_queue_latency{queue=\"critical\"} < 30", "len([BODY].workers) > 0");
    assertEquals(200, response.status(), response.body());
    assertEquals(new JsonObject().put("ok", true).put("errors", new JsonArray()), response.json());
  }

  @Test
  void namesEveryBadLineWithItsIndexAndReasonNotOnlyTheFirst() {
    Api.Response response = validate("[STATUS] == 200", "[BODY].enqueued <<< 1000", "", "[BODY].age < 5min",
        "[STATUS] == 200");
    assertEquals(200, response.status(), response.body());
    JsonObject answer = response.json();
    assertEquals(false, answer.getBoolean("ok"));
    JsonArray errors = answer.getJsonArray("errors");
    assertEquals(List.of(1, 2, 3, 4), errors.stream().map(e -> ((JsonObject) e).getInteger("index")).toList());
    JsonObject operator = errors.getJsonObject(0);
    assertEquals("conditions[1]", operator.getString("field"));
    assertEquals("[BODY].enqueued <<< 1000", operator.getString("condition"));
    assertTrue(operator.getString("problem").contains("<<<"), operator.encode());
    assertTrue(errors.getJsonObject(1).getString("problem").contains("non-empty"), errors.encode());
    assertTrue(errors.getJsonObject(2).getString("problem").contains("min"), errors.encode());
    assertTrue(errors.getJsonObject(3).getString("problem").contains("listed twice"), errors.encode());
  }

  @Test
  void givesTheSameReasonAsSavingAMonitorWould() {
    String bad = "[BODY].enqueued <<< 1000";
    Api.Response saved = api.post("/api/v1/monitors", new JsonObject().put("type", "http").put("name", "Orders")
        .put("url", "https://queues.example/orders").put("regions", new JsonArray().add("eu-west"))
        .put("conditions", new JsonArray().add(bad)).encode());
    assertEquals(400, saved.status(), saved.body());
    JsonObject line = validate(bad).json().getJsonArray("errors").getJsonObject(0);
    assertTrue(saved.json().getString("message").endsWith(line.getString("problem")), saved.body() + " vs " + line);
    assertEquals(0L, db.count("SELECT count(*) FROM monitors"), "validation stores nothing");
  }

  @Test
  void refusesABodyWithoutAConditionsArrayNamingTheField() {
    Api.Response response = api.post("/api/v1/conditions/validate", new JsonObject().put("conditions", "x").encode());
    assertEquals(400, response.status(), response.body());
    assertEquals("conditions", response.json().getString("field"));
    Api.Response tooMany = validate(java.util.stream.IntStream.range(0, 51).mapToObj(i -> "[BODY].a" + i + " < 1")
        .toArray());
    assertEquals(400, tooMany.status(), tooMany.body());
  }
}
