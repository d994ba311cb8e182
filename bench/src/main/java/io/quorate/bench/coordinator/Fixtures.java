package io.quorate.bench.coordinator;

import io.quorate.bench.support.Result;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The coordinator's fixtures: a webhook channel pointing at the recording server, and N HTTP monitors in
 * three regions with quorum 2 and one confirmation, created through the REST API as a user would
 * ({@code POST /api/v1/monitors}, a few requests in parallel). For large N the API can take minutes, so
 * beyond {@code apiLimit} monitors the first is created through the API and the rest are copies of its
 * row made in one SQL statement (same spec JSON); the report says which way each step took.
 */
final class Fixtures {
  static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  static final int QUORUM = 2;
  static final int CONFIRMATIONS = 1;
  private static final int PARALLEL_REQUESTS = 8;

  private final HttpClient http;
  private final int port;
  private final String adminToken;

  Fixtures(Vertx vertx, int apiPort, String adminToken) {
    this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(apiPort));
    this.port = apiPort;
    this.adminToken = adminToken;
  }

  /** The API body of monitor number {@code n}: a queue-stats check like the probe benchmark's. */
  static JsonObject monitor(int n) {
    return new JsonObject()
        .put("type", "http")
        .put("name", String.format("bench-%06d", n))
        .put("url", "https://queues.bench.example/queues/" + n + "/stats")
        .put("interval", "30s")
        .put("timeout", "5s")
        .put("conditions", new JsonArray().add("[STATUS] == 200").add("[BODY].enqueued < 1000")
            .add("[BODY].oldest_age_s < 600"))
        .put("series", new JsonObject().put("depth", "[BODY].enqueued"))
        .put("regions", new JsonArray(REGIONS))
        .put("quorum", QUORUM)
        .put("confirmations", CONFIRMATIONS);
  }

  /**
   * Creates the channel and the monitors; blocks (main thread only).
   *
   * @return {@code via} (api or api+sql), how many through the API, seconds taken, API monitors per second
   */
  Result create(int monitors, int apiLimit, String webhookUrl, BenchDatabase db) throws SQLException {
    post("/api/v1/channels", new JsonObject().put("type", "webhook").put("name", "bench recorder")
        .put("url", webhookUrl)).await();
    int viaApi = monitors <= apiLimit ? monitors : 1;
    long start = System.nanoTime();
    String firstId = createInParallel(viaApi).await();
    double apiSeconds = (System.nanoTime() - start) / 1e9;
    if (viaApi < monitors) {
      db.copyMonitor(firstId, monitors - viaApi, viaApi + 1);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result().put("via", viaApi == monitors ? "api" : "api+sql").put("via_api", viaApi)
        .put("seconds", seconds).put("api_per_s", viaApi / apiSeconds);
  }

  /** @return the id of monitor number 1 */
  private Future<String> createInParallel(int count) {
    AtomicInteger next = new AtomicInteger(1);
    Promise<String> first = Promise.promise();
    List<Future<Void>> lanes = new java.util.ArrayList<>();
    for (int i = 0; i < Math.min(PARALLEL_REQUESTS, count); i++) {
      lanes.add(lane(next, count, first));
    }
    return Future.all(lanes).compose(done -> first.future());
  }

  private Future<Void> lane(AtomicInteger next, int count, Promise<String> first) {
    int n = next.getAndIncrement();
    if (n > count) {
      return Future.succeededFuture();
    }
    return post("/api/v1/monitors", monitor(n)).compose(created -> {
      if (n == 1) {
        first.complete(created.getString("id"));
      }
      return lane(next, count, first);
    });
  }

  /** Open incidents as the API lists them ({@code GET /api/v1/incidents?state=open}). */
  Future<Integer> openIncidents() {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI("/api/v1/incidents?state=open")
        .setPort(port).putHeader("Authorization", "Bearer " + adminToken).setTimeout(30_000);
    return http.request(options)
        .compose(request -> request.send())
        .compose(response -> response.body())
        .map(buffer -> buffer.toJsonObject().getJsonArray("incidents").size());
  }

  private Future<JsonObject> post(String path, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(path).setPort(port)
        .putHeader("Authorization", "Bearer " + adminToken).putHeader("Content-Type", "application/json")
        .setTimeout(30_000);
    return http.request(options)
        .compose(request -> request.send(body.toBuffer()))
        .compose(response -> response.body().compose(buffer -> response.statusCode() == 201
            ? Future.succeededFuture(buffer.toJsonObject())
            : Future.failedFuture(new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                + buffer))));
  }
}
