package io.quorate.probe.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the configured connectivity URLs every {@link #EVERY_MS}: any HTTP answer, whatever its status,
 * proves the network works. Reports each round to the {@link ConnectivityWatch}.
 */
public final class CanaryCheck {
  private static final Logger log = LoggerFactory.getLogger(CanaryCheck.class);
  static final long EVERY_MS = 15_000;
  static final long TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final List<String> urls;
  private final ConnectivityWatch watch;
  private HttpClientAgent client;
  private long timer = -1;
  private boolean lastOk = true;

  public CanaryCheck(Vertx vertx, List<String> urls, ConnectivityWatch watch) {
    this.vertx = vertx;
    this.urls = urls;
    this.watch = watch;
  }

  public void start() {
    if (urls.isEmpty()) {
      return;
    }
    client = vertx.createHttpClient(new HttpClientOptions().setName("quorate-connectivity")
        .setConnectTimeout((int) TIMEOUT_MS).setKeepAlive(false));
    round();
    timer = vertx.setPeriodic(EVERY_MS, id -> round());
  }

  private void round() {
    List<Future<String>> answers = urls.stream().map(this::fetch).toList();
    Future.join(answers).onComplete(done -> {
      List<String> failures = new ArrayList<>();
      boolean anyAnswered = false;
      for (int i = 0; i < urls.size(); i++) {
        String failure = answers.get(i).result();
        if (failure == null) {
          anyAnswered = true;
        } else {
          failures.add(urls.get(i) + ": " + failure);
        }
      }
      watch.canaryRound(anyAnswered, String.join("; ", failures));
      if (anyAnswered != lastOk) {
        lastOk = anyAnswered;
        if (anyAnswered) {
          log.info("connectivity check passes again");
        } else {
          log.warn("connectivity check failed: {}", String.join("; ", failures));
        }
      }
    });
  }

  /** @return null when the URL answered, otherwise why not */
  private Future<String> fetch(String url) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
        .setConnectTimeout(TIMEOUT_MS).setTimeout(TIMEOUT_MS);
    return client.request(options)
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> (String) null))
        .otherwise(error -> error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
  }

  public Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return client == null ? Future.succeededFuture() : client.close();
  }
}
