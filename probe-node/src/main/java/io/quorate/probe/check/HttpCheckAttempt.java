package io.quorate.probe.check;

import io.quorate.condition.CheckResponse;
import io.quorate.condition.Condition;
import io.quorate.condition.ConditionResult;
import io.quorate.condition.ConditionSyntaxException;
import io.quorate.condition.Conditions;
import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One run of one HTTP check: request, bounded body, conditions, Observation. Completes exactly once. */
final class HttpCheckAttempt {
  private static final String TOO_LARGE = "body larger than 1 MiB";

  private final Vertx vertx;
  private final HttpClient client;
  private final Clock clock;
  private final HttpCheck check;
  private final String region;
  private final String userAgent;
  private final long timeoutMs;
  private final Promise<Observation> result = Promise.promise();
  private final Buffer body = Buffer.buffer();
  private HttpClientRequest request;
  private long startedAt;
  private long deadline = -1;

  HttpCheckAttempt(Vertx vertx, HttpClient client, Clock clock, HttpCheck check, String region, String userAgent) {
    this.vertx = vertx;
    this.client = client;
    this.clock = clock;
    this.check = check;
    this.region = region;
    this.userAgent = userAgent;
    this.timeoutMs = check.getTimeoutMs() > 0 ? check.getTimeoutMs() : HttpCheckRunner.DEFAULT_TIMEOUT_MS;
  }

  Future<Observation> start() {
    startedAt = clock.millis();
    List<Condition> conditions;
    RequestOptions options;
    try {
      conditions = Conditions.parseAll(check.getConditionsList());
      options = options();
    } catch (ConditionSyntaxException e) {
      return Future.succeededFuture(down("invalid condition: " + e.getMessage()));
    } catch (RuntimeException e) {
      return Future.succeededFuture(down("invalid request: " + e.getMessage()));
    }
    deadline = vertx.setTimer(timeoutMs, id -> abort("timeout after " + timeoutMs + " ms"));
    client.request(options)
        .compose(started -> {
          request = started;
          if (result.future().isComplete()) {
            started.reset();
            return Future.failedFuture("already finished");
          }
          return started.send();
        })
        .onSuccess(response -> read(response, conditions))
        .onFailure(error -> finish(down(TransportErrors.describe(error, host(), timeoutMs))));
    return result.future();
  }

  private RequestOptions options() {
    String method = check.getMethod().isBlank() ? "GET" : check.getMethod().strip().toUpperCase(Locale.ROOT);
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.valueOf(method))
        .setAbsoluteURI(check.getUrl())
        .setConnectTimeout(timeoutMs)
        .setIdleTimeout(timeoutMs)
        .setFollowRedirects(false);
    check.getHeadersMap().forEach(options::putHeader);
    options.removeHeader(HttpHeaders.USER_AGENT).putHeader(HttpHeaders.USER_AGENT, userAgent);
    options.removeHeader(HttpCheckRunner.REGION_HEADER).putHeader(HttpCheckRunner.REGION_HEADER, region);
    return options;
  }

  private void read(HttpClientResponse response, List<Condition> conditions) {
    response.exceptionHandler(error -> finish(down(TransportErrors.describe(error, host(), timeoutMs))));
    if (result.future().isComplete()) {
      return;
    }
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > HttpCheckRunner.MAX_BODY_BYTES) {
      abort(TOO_LARGE);
      return;
    }
    response.handler(chunk -> {
      if (body.length() + chunk.length() > HttpCheckRunner.MAX_BODY_BYTES) {
        abort(TOO_LARGE);
      } else {
        body.appendBuffer(chunk);
      }
    });
    response.endHandler(v -> finish(evaluate(response, conditions)));
  }

  private Observation evaluate(HttpClientResponse response, List<Condition> conditions) {
    long elapsed = elapsed();
    int status = response.statusCode();
    if (conditions.isEmpty()) {
      boolean ok = status >= 200 && status < 300;
      return observation(ok, ok ? "" : "[STATUS] (" + status + ") is not 2xx", elapsed,
          Map.of("[STATUS]", (double) status), List.of());
    }
    CheckResponse seen = new CheckResponse(status, elapsed, body.toString(StandardCharsets.UTF_8), headers(response));
    List<ConditionResult> results = Conditions.evaluateAll(conditions, seen);
    Map<String, Double> values = new LinkedHashMap<>();
    results.forEach(r -> values.putAll(r.values()));
    String reason = results.stream().filter(r -> !r.success()).map(ConditionResult::line)
        .collect(Collectors.joining("; "));
    return observation(Conditions.allPassed(results), reason, elapsed, values, results);
  }

  private static Map<String, List<String>> headers(HttpClientResponse response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : response.headers().names()) {
      headers.put(name, response.headers().getAll(name));
    }
    return headers;
  }

  private void abort(String reason) {
    if (result.future().isComplete()) {
      return;
    }
    // Complete first: resetting fails the request synchronously, and that must not become the reason.
    finish(down(reason));
    if (request != null) {
      request.reset();
    }
  }

  private void finish(Observation observation) {
    if (result.tryComplete(observation) && deadline >= 0) {
      vertx.cancelTimer(deadline);
    }
  }

  private Observation down(String reason) {
    return observation(false, reason, elapsed(), Map.of(), List.of());
  }

  private Observation observation(boolean up, String reason, long latencyMs, Map<String, Double> values,
      List<ConditionResult> results) {
    Observation.Builder observation = Observation.newBuilder()
        .setMonitorId(check.getMonitorId())
        .setMonitorVersion(check.getVersion())
        .setRegion(region)
        .setObservedAtMs(clock.millis())
        .setOutcome(up ? Outcome.OUTCOME_UP : Outcome.OUTCOME_DOWN)
        .setReason(reason)
        .setLatencyMs(latencyMs)
        .putAllValues(values);
    for (ConditionResult r : results) {
      observation.addConditions(io.quorate.link.v1.ConditionResult.newBuilder()
          .setCondition(r.condition()).setSuccess(r.success()).setLine(r.line()));
    }
    return observation.build();
  }

  private long elapsed() {
    return Math.max(0, clock.millis() - startedAt);
  }

  private String host() {
    try {
      String host = URI.create(check.getUrl()).getHost();
      return host == null ? check.getUrl() : host;
    } catch (IllegalArgumentException e) {
      return check.getUrl();
    }
  }
}
