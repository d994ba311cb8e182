package io.quorate.bench.teamview;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Asks one endpoint of the coordinator again and again, one request after another over one kept-alive HTTP/1.1
 * connection (as a browser tab does), and times each from sending to the last byte of the answer, which is read
 * and dropped: a 10,000-monitor list must not have to fit in the runner's small heap.
 */
final class TimedClient {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String adminToken;

  TimedClient(int httpPort, String adminToken) {
    this.base = "http://127.0.0.1:" + httpPort;
    this.adminToken = adminToken;
  }

  /** @return each request's time in microseconds, sorted */
  long[] time(String path, int requests) throws IOException, InterruptedException {
    long[] micros = new long[requests];
    byte[] sink = new byte[64 * 1024];
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      HttpResponse<InputStream> answer = http.send(request(path), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = answer.body()) {
        while (body.read(sink) >= 0) {
          // read to the end: the answer's time includes its last byte
        }
      }
      micros[i] = (System.nanoTime() - start) / 1_000;
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
      }
    }
    Arrays.sort(micros);
    return micros;
  }

  String body(String path) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(request(path), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + adminToken).GET().build();
  }

  /** The value at this quantile of sorted times, in milliseconds (nearest rank). */
  static double quantileMs(long[] sortedMicros, double quantile) {
    int rank = (int) Math.ceil(quantile * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank))] / 1000.0;
  }
}
