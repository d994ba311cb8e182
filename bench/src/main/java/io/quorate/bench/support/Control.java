package io.quorate.bench.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Blocking HTTP calls between benchmark JVMs (window start, window report, a /metrics scrape). Made from
 * {@code main} threads only, never from an event loop, and never inside a measured code path.
 */
public final class Control {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  private Control() {
  }

  public static String get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
  }

  public static String post(String url, String body) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static String send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
            + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
