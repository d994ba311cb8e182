package io.quorate.coordinator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends heartbeat pings the way a worker's script does: plain HTTP, no token. */
public final class Pinger {
  public record Answer(int status, String body, HttpHeaders headers) {}

  // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Pinger(int httpPort) {
    this.base = "http://127.0.0.1:" + httpPort;
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Answer head(String path) {
    return send(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  public Answer post(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
