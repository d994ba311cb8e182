package io.quorate.coordinator.apply;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's {@code /api/v1} for {@code apply}: a blocking JDK client, which is fine in a command-line
 * tool with no event loop to block; every request has a timeout.
 */
final class CoordinatorClient {
  private final HttpClient http;
  private final String base;
  private final String token;
  private final Duration timeout;

  CoordinatorClient(String baseUrl, String token, Duration timeout) {
    // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    this.base = baseUrl.replaceAll("/+$", "") + "/api/v1/";
    this.token = token;
    this.timeout = timeout;
  }

  /** @param collection "monitors" or "channels" */
  List<JsonObject> list(String collection) {
    JsonArray items = send(request(collection).GET()).getJsonArray(collection, new JsonArray());
    List<JsonObject> out = new ArrayList<>();
    items.forEach(item -> out.add((JsonObject) item));
    return out;
  }

  /** Probe regions that have connected: the regions of an HTTP monitor that leaves them out. */
  List<String> regions() {
    List<String> regions = new ArrayList<>();
    send(request("probes").GET()).getJsonArray("regions", new JsonArray())
        .forEach(region -> regions.add(((JsonObject) region).getString("region")));
    return regions;
  }

  JsonObject create(String collection, JsonObject body) {
    return send(request(collection).POST(json(body)));
  }

  /** Monitors take a whole new body (PUT); channels a partial one (PATCH), as the API defines them. */
  JsonObject update(String collection, String id, JsonObject body) {
    String method = collection.equals("monitors") ? "PUT" : "PATCH";
    return send(request(collection + "/" + id).method(method, json(body)));
  }

  void delete(String collection, String id) {
    send(request(collection + "/" + id).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
  }

  private static HttpRequest.BodyPublisher json(JsonObject body) {
    return HttpRequest.BodyPublishers.ofString(body.encode());
  }

  private JsonObject send(HttpRequest.Builder builder) {
    HttpRequest request = builder.header("Content-Type", "application/json").build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(); // ConnectException has none
      throw new ApiRefusal(0, "cannot reach the coordinator at " + base + ": " + why, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiRefusal(0, "interrupted", null);
    }
    JsonObject body = parse(response.body());
    if (response.statusCode() >= 300) {
      throw refusal(request, response.statusCode(), body);
    }
    return body;
  }

  private static ApiRefusal refusal(HttpRequest request, int status, JsonObject body) {
    String message = body.getString("message", "HTTP " + status);
    if (status == 401 || status == 403) {
      message = "the coordinator refused the admin token (HTTP " + status + "): " + message;
    } else if (status == 404 && !body.containsKey("error")) {
      message = "no Quorate API at " + request.uri() + " (HTTP 404); is --url the coordinator's base URL?";
    }
    return new ApiRefusal(status, message, body.getString("field"));
  }

  private static JsonObject parse(String text) {
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject().put("message", "not a JSON answer: " + text.substring(0, Math.min(200, text.length())));
    }
  }
}
