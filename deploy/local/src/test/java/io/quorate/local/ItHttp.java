package io.quorate.local;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Blocking JSON calls for the test thread, each with a timeout; never throws for a refused connection. */
final class ItHttp {
  /** An answer; status 0 when nothing answered (connection refused, timeout). */
  record Answer(int status, JsonObject json) {}

  // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  private ItHttp() {}

  static Answer get(String url, Secret token) {
    return send(request(url, token).GET());
  }

  static Answer post(String url, Secret token, JsonObject body) {
    return send(request(url, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  private static HttpRequest.Builder request(String url, Secret token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token.reveal());
    }
    return builder;
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(response.statusCode(), body.startsWith("{") ? new JsonObject(body) : new JsonObject());
    } catch (IOException notAnswering) {
      return new Answer(0, new JsonObject());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
