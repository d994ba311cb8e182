package io.quorate.probe.check;

import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Clock;

/**
 * Runs HTTP checks with one shared Vert.x {@link HttpClient}. Every request has a connect timeout, an idle
 * timeout and a hard deadline of the check's timeout (so a body that drips in slowly is still cut off),
 * reads at most {@value #MAX_BODY_BYTES} bytes of body, and carries {@code User-Agent:
 * quorate-probe/<version>} and {@code X-Quorate-Region: <region>}.
 */
public final class HttpCheckRunner implements CheckRunner {
  public static final int MAX_BODY_BYTES = 1024 * 1024;
  public static final long DEFAULT_TIMEOUT_MS = 10_000;
  public static final String REGION_HEADER = "X-Quorate-Region";

  private final Vertx vertx;
  private final HttpClient client;
  private final Clock clock;
  private final String region;
  private final String userAgent;

  public HttpCheckRunner(Vertx vertx, HttpClient client, Clock clock, String region, String version) {
    this.vertx = vertx;
    this.client = client;
    this.clock = clock;
    this.region = region;
    this.userAgent = "quorate-probe/" + version;
  }

  @Override
  public Future<Observation> run(HttpCheck check) {
    return new HttpCheckAttempt(vertx, client, clock, check, region, userAgent).start();
  }
}
