package io.quorate.coordinator.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A blocking REST client for tests, as a user's script would call the API. */
public final class Api {
  public record Response(int status, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  public Api(int httpPort, String token) {
    this.base = "http://127.0.0.1:" + httpPort;
    this.token = token;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response patch(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** Creates and returns the monitor, failing the test on anything but 201. */
  public JsonObject createMonitor(JsonObject monitor) {
    Response response = post("/api/v1/monitors", monitor.encode());
    if (response.status() != 201) {
      throw new AssertionError("creating monitor failed: " + response.status() + " " + response.body());
    }
    return response.json();
  }

  /** Adds a webhook channel, failing the test on anything but 201. */
  public void createWebhookChannel(String url) {
    createChannel(new JsonObject().put("type", "webhook").put("url", url));
  }

  /** Creates a channel and returns the answer (with any generated secret), failing the test on anything but 201. */
  public JsonObject createChannel(JsonObject channel) {
    Response response = post("/api/v1/channels", channel.encode());
    if (response.status() != 201) {
      throw new AssertionError("creating channel failed: " + response.status() + " " + response.body());
    }
    return response.json();
  }

  /** The channel as GET shows it, failing the test on anything but 200. */
  public JsonObject channel(String id) {
    Response response = get("/api/v1/channels/" + id);
    if (response.status() != 200) {
      throw new AssertionError("reading channel failed: " + response.status() + " " + response.body());
    }
    return response.json();
  }

  /** Sends a test alert through the channel: {@code {"accepted", "detail"}}. */
  public JsonObject testChannel(String id) {
    Response response = post("/api/v1/channels/" + id + "/test", "");
    if (response.status() != 200) {
      throw new AssertionError("test alert failed: " + response.status() + " " + response.body());
    }
    return response.json();
  }

  /** The monitor's open incident as the API lists it, or null. */
  public JsonObject openIncident(String monitorId) {
    for (Object item : get("/api/v1/incidents?state=open").json().getJsonArray("incidents")) {
      JsonObject incident = (JsonObject) item;
      if (incident.getString("monitor_id").equals(monitorId)) {
        return incident;
      }
    }
    return null;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
